def main():
    return Runner()  # expect: LG107 "`Runner` is not defined"
