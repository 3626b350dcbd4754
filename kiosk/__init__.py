"""People to People Kiosk: the Qt-free core (content, store, sign-ups, CSV sync, command line)."""

__version__ = "0.1.0"
