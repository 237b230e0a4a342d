"""flashpoint: conflict reporting in, evidenced events out."""

__version__ = "0.1.0"
