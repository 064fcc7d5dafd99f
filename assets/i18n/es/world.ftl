# world
