int main() { return 0; } // replaced by the herald-sim entry point
