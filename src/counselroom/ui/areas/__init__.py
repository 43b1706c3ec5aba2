"""Pages of the work areas (筛查, 转介, 统计) and the pieces every page table shares.

Each page shows a list a service reads from the vault: the workflows that fill these lists
(screening import, referral letters) come with their own issues and add to the same pages.
"""
