"""CounselRoom: an offline program for school counselling rooms (一生一策 files, closed-loop case work)."""

__version__ = "0.1.0"
