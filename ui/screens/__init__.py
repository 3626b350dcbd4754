"""One module and one class per kiosk screen."""
