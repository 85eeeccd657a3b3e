"""The OpenAI-compatible model layer: client, structured output, token budgets, usage, local server.

Nothing here imports openai or tiktoken at module level; they load inside the calls that need them.
"""
