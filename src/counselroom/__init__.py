"""CounselRoom: an offline program for school counselling rooms (一生一策 files, case work)."""

__version__ = "0.1.0"
