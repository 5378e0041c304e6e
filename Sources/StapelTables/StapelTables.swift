// Table writers; filled by the tables work.
