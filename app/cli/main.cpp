int main() { return 0; } // replaced by the herald-cli entry point
