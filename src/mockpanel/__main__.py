from mockpanel.cli import main

main()
