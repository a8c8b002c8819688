int clean() { return 0; }
