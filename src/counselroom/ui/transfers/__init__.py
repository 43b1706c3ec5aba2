"""The 转接 (transfers) page: this school's card, the trust list, sending and receiving student
files, and the record of every archive that left or arrived (DESIGN.md "Transfer archives")."""
