"""The kiosk's Qt user interface: main window, screens and shared widgets."""
