// Layout of figures in points; filled by the charts work.
