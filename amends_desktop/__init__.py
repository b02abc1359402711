"""amends-desktop: a private, offline workbook for Steps 8 and 9."""

__version__ = "0.1.0"
APP_NAME = "amends-desktop"
APP_ID = "net.amendsdesktop.AmendsDesktop"
