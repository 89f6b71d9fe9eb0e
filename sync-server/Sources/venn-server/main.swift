print("venn-server")
