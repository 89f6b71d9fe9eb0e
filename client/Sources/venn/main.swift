print("venn")
