def main():
    return Runner()
