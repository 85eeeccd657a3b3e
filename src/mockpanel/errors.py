"""User-facing errors. The CLI maps `UserError` to exit code 2 and `ServiceError` to exit code 1."""


class MockpanelError(Exception):
    """Base class for every error mockpanel raises on purpose."""

    exit_code = 1


class UserError(MockpanelError):
    """Bad input from the user: a missing file, an empty answer, an unknown id."""

    exit_code = 2


class InputFileError(UserError):
    """A file given on the command line is missing, unreadable, binary, not UTF-8 or empty."""


class PromptLibraryError(UserError):
    """The prompt library is missing, invalid, or a prompt id is unknown."""


class SessionNotFoundError(UserError):
    """No stored session has the given id."""


class ConfigError(UserError):
    """Settings cannot be resolved: a bad provider name, or a missing key a provider needs."""


class ServiceError(MockpanelError):
    """A model server or the network failed after retries."""

    exit_code = 1
