"""lintgate: guards Python repositories before merge. The checks run on the JVM; see lintgate._launcher."""
