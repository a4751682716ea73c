#!/bin/sh
# help-for-man.sh BINARY ARGS...: runs BINARY ARGS and rewrites a
# "Usage:" heading followed by indented usage lines into the
# "Usage: LINE / or: LINE" form that help2man turns into a SYNOPSIS, and
# writes the program's path (QCommandLineParser prints argv[0]) as its name.
# help2man runs this with --help and --version (see resources/CMakeLists.txt).
binary=$1
shift
LC_ALL=C LANGUAGE='' "$binary" "$@" 2>&1 | awk -v path="$binary" -v name="${binary##*/}" '
    index($0, "Usage: " path " ") == 1 { print "Usage: " name substr($0, length("Usage: " path) + 1); next }
    state == 1 && /^  [^ ]/ { sub(/^  /, ""); print (first ? "Usage: " : "  or:  ") $0; first = 0; next }
    state == 1 { state = 2 }
    state == 0 && /^Usage:$/ { state = 1; first = 1; next }
    { print }
'
