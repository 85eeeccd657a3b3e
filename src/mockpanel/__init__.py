"""mockpanel: rehearse the second-round interview with a panel of interviewers."""

__version__ = "0.1.0"
