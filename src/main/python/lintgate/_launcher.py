"""Starts lintgate.jar, which sits beside this file, on a Java 17 or newer runtime.

The runtime is the first of: LINTGATE_JAVA (a java executable or a Java home), the runtime bundled in this
package (the Linux x86_64 wheel has one, made with jlink), JAVA_HOME, java on PATH. The JVM flags come from
jvm.options beside the jar, the file bin/lintgate passes too; like bin/lintgate, this adds huge pages where the
kernel gives them on request and a class-data archive of lintgate's classes in the user's cache. On POSIX the JVM
replaces this process, so arguments, standard input, signals and the exit code are the JVM's own.

When a lintgate server of the same build is running (`lintgate server start`), a check whose command line only
reads is sent to it from here, without starting a JVM, as the jar's own client (cli/ServerClient.java) would send it.

Kept to the standard library modules Python has loaded at start-up anyway: this runs before every lintgate run.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "lintgate.jar")
OPTIONS = os.path.join(HERE, "jvm.options")
BUNDLED = os.path.join(HERE, "runtime")
MINIMUM = 17
EXE = ".exe" if os.name == "nt" else ""


class Java:
    def __init__(self, path, major, source):
        self.path = path
        self.major = major
        self.source = source


def main(argv=None):
    args = sys.argv[1:] if argv is None else list(argv)
    java, problem = find_java(os.environ)
    if java is None:
        sys.stderr.write("lintgate: error: " + problem + "\n")
        return 2
    code = served(args, java, os.environ)
    if code is not None:
        return code
    command = [java.path, "@" + OPTIONS] + huge_pages() + java_opts(os.environ)
    archive = class_data(java, os.environ)
    if archive.flags:
        command += archive.flags
    command += ["-jar", JAR] + args
    if archive.after_exit is None and os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(java.path, command)
    return run_child(command, archive.after_exit)


def find_java(env):
    """The first Java 17+ of the places searched, or None and one line saying what to install."""
    explicit = env.get("LINTGATE_JAVA")
    if explicit:
        path = explicit if os.path.isfile(explicit) else os.path.join(explicit, "bin", "java" + EXE)
        major = java_major(path)
        if major is None:
            return None, "LINTGATE_JAVA is %s, which is not a java executable or a Java home" % explicit
        if major < MINIMUM:
            return None, "LINTGATE_JAVA is Java %d; lintgate needs Java %d or newer" % (major, MINIMUM)
        return Java(path, major, "LINTGATE_JAVA"), None
    candidates = [(os.path.join(BUNDLED, "bin", "java" + EXE), "the bundled runtime")]
    if env.get("JAVA_HOME"):
        candidates.append((os.path.join(env["JAVA_HOME"], "bin", "java" + EXE), "JAVA_HOME"))
    on_path = which("java" + EXE, env.get("PATH", ""))
    if on_path:
        candidates.append((on_path, "PATH"))
    too_old = []
    for path, source in candidates:
        if not os.path.isfile(path):
            continue
        major = java_major(path)
        if major is None:
            continue
        if major >= MINIMUM:
            return Java(path, major, source), None
        too_old.append("Java %d at %s (%s)" % (major, path, source))
    found = "found only " + ", ".join(too_old) if too_old else "found none (LINTGATE_JAVA, JAVA_HOME and PATH)"
    return None, ("lintgate needs Java %d or newer and %s: install a JDK or JRE %d+ (e.g. Temurin, or the"
                  " openjdk-%d-jre-headless package), or set LINTGATE_JAVA to one; on Linux x86_64, pip installs"
                  " the lintgate wheel that bundles its own Java" % (MINIMUM, found, MINIMUM, MINIMUM))


def which(name, path):
    for directory in path.split(os.pathsep):
        candidate = os.path.join(directory, name)
        if directory and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def java_major(path):
    """The feature version of a java executable, from its home's release file (no JVM start), else java -version."""
    home = os.path.dirname(os.path.dirname(os.path.realpath(path)))
    try:
        with open(os.path.join(home, "release"), encoding="utf-8") as release:
            for line in release:
                if line.startswith("JAVA_VERSION="):
                    return major_of(line.split("=", 1)[1].strip().strip('"'))
    except OSError:
        pass
    if not os.access(path, os.X_OK):
        return None
    import subprocess
    try:
        out = subprocess.run([path, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, timeout=60).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return None
    start = out.find('version "')
    if start < 0:
        return None
    return major_of(out[start + 9:out.find('"', start + 9)])


def major_of(version):
    """17 for "17.0.15", 8 for "1.8.0_402", 25 for "25"."""
    parts = version.split(".")
    try:
        first = int(parts[0].split("-")[0].split("+")[0])
        return int(parts[1]) if first == 1 and len(parts) > 1 else first
    except ValueError:
        return None


def huge_pages():
    # under 'never' the JVM would print a warning on standard output, under 'always' the kernel uses them anyway
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as mode:
            return ["-XX:+UseTransparentHugePages"] if "[madvise]" in mode.read() else []
    except OSError:
        return []


def java_opts(env):
    return env.get("LINTGATE_JAVA_OPTS", "").split()


class Archive:
    def __init__(self, flags, after_exit=None):
        self.flags = flags
        self.after_exit = after_exit


def class_data(java, env):
    """The class-data archive of lintgate's classes, per jar and JVM, in the user's cache (LINTGATE_NO_CDS=1: none).

    From Java 19 the JVM keeps it itself (-XX:+AutoCreateSharedArchive: made at the first run's exit, remade when
    the jar or the JVM changes). Java 17 and 18 record it at a first run's exit under a temporary name, renamed
    after, so that parallel first runs never map a half-written archive; later runs map it.
    """
    if env.get("LINTGATE_NO_CDS"):
        return Archive([])
    cache = env.get("XDG_CACHE_HOME") or (os.path.join(env["HOME"], ".cache") if env.get("HOME") else None)
    if not cache:
        return Archive([])
    directory = os.path.join(cache, "lintgate")
    try:
        stat = os.stat(JAR)
        os.makedirs(directory, exist_ok=True)
    except OSError:
        return Archive([])
    import zlib
    key = zlib.crc32(("%s\n%d\n%d\n%s" % (JAR, stat.st_size, stat.st_mtime_ns, os.path.realpath(java.path))).encode())
    archive = os.path.join(directory, "classes-%08x.jsa" % key)
    if java.major >= 19:
        return Archive(["-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive"])
    if os.path.isfile(archive):
        return Archive(["-XX:SharedArchiveFile=" + archive])
    temporary = "%s.%d.tmp" % (archive, os.getpid())
    return Archive(["-XX:ArchiveClassesAtExit=" + temporary], after_exit=(temporary, archive))


def run_child(command, after_exit):
    """Runs the JVM as a child (Windows; a first run that records an archive): signals go on to it, its code back."""
    import signal
    import subprocess
    child = subprocess.Popen(command)

    def forward(signum, frame):
        child.send_signal(signum)

    if os.name == "nt":
        # the console sends Ctrl-C to the child as well
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    else:
        for name in ("SIGINT", "SIGTERM", "SIGHUP"):
            signal.signal(getattr(signal, name), forward)
    status = child.wait()
    if after_exit is not None:
        temporary, archive = after_exit
        try:
            os.replace(temporary, archive)
        except OSError:
            try:
                os.remove(temporary)
            except OSError:
                pass
    return 128 - status if status < 0 else status


# The check options a server may answer, as cli/ServerClient.java lists them: options that only read.
SERVER_VALUE_OPTIONS = {"--config", "--project-root", "--select", "--extend-select", "--ignore", "--format",
                        "--output-format", "--sarif-category", "--sarif-source-root", "--fail-level", "--color",
                        "--threads", "--baseline", "--cache-dir"}
SERVER_FLAGS = {"--exit-zero", "-q", "--quiet", "--force-exclude", "--unsafe-fixes", "--show-baselined",
                "--statistics", "--no-cache"}


def forwardable(args):
    """True for a check a server may run (cli/ServerClient.forwardable: the same rules)."""
    if not args or args[0] != "check":
        return False
    positional_only = False
    i = 1
    while i < len(args):
        a = args[i]
        i += 1
        if a == "-":
            return False
        if positional_only:
            continue
        if a == "--":
            positional_only = True
            continue
        if a.startswith("@"):
            return False
        if not a.startswith("-"):
            continue
        name = a.split("=", 1)[0]
        if name in SERVER_VALUE_OPTIONS:
            if "=" not in a:
                i += 1
        elif not (name in SERVER_FLAGS and "=" not in a):
            return False
    return True


def server_directory(env):
    """Where the servers' sockets are (cli/ServerProtocol.directory)."""
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return os.path.join(runtime, "lintgate")
    cache = env.get("XDG_CACHE_HOME")
    if cache and cache.strip() and os.path.isabs(cache):
        return os.path.join(cache, "lintgate", "server")
    # the JVM's user.home is the password database's home, not $HOME
    try:
        import pwd
        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError):
        return None
    return os.path.join(home, ".cache", "lintgate", "server") if os.path.isabs(home) else None


def build_of(java):
    """The build string of cli/ServerProtocol.build for this jar and runtime, or None where it cannot be known here.

    The JVM takes its file-name and content encodings from the locale; they are known here only for a UTF-8 locale
    (the JVM then says UTF-8 for both), and any other locale starts the JVM.
    """
    import locale
    try:
        # the JVM sets the locale of the environment the same way; when that fails (a locale that is not installed)
        # it falls back to ASCII, where Python would have switched itself to UTF-8
        locale.setlocale(locale.LC_ALL, "")
    except locale.Error:
        return None
    codeset = (locale.nl_langinfo(locale.CODESET) if hasattr(locale, "nl_langinfo") else "") or ""
    if codeset.upper().replace("-", "") != "UTF8":
        return None
    try:
        jar = os.path.realpath(JAR)
        stat = os.stat(jar)
    except OSError:
        return None
    home = os.path.dirname(os.path.dirname(os.path.realpath(java.path)))
    return "%s\n%d\n%d\n%s\nUTF-8 UTF-8" % (jar, stat.st_size, stat.st_mtime_ns // 1000000, home)


def served(args, java, env):
    """The exit code of the check as a running server of this build ran it, its output printed; None otherwise.

    None also when the server refused or stopped before printing anything: the JVM then runs the check itself.
    """
    if os.name != "posix" or env.get("LINTGATE_NO_SERVER") or not forwardable(args):
        return None
    directory = server_directory(env)
    build = build_of(java) if directory else None
    if build is None:
        return None
    import zlib
    data = build.encode("utf-8")
    path = os.path.join(directory, "%08x%08x.sock" % (zlib.crc32(data), zlib.adler32(data)))
    try:
        import stat
        info = os.lstat(directory)
        if (not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077 or info.st_uid != os.getuid()
                or not os.path.exists(path)):
            return None
        cwd = os.getcwd()
    except OSError:
        return None
    try:
        request = [cwd] + list(args) + [k for item in os.environ.items() for k in item]
        encoded = [text.encode("utf-8") for text in request]   # a name that is not UTF-8 is the JVM's to read
    except UnicodeEncodeError:
        return None
    import socket
    import struct

    def string(raw):
        return struct.pack(">i", len(raw)) + raw

    body = [struct.pack(">ii", 0x4C475356, 1), string(data), b"\x01", string(encoded[0]),
            struct.pack(">i", len(args))]
    body += [string(raw) for raw in encoded[1:1 + len(args)]]
    body.append(struct.pack(">i", len(os.environ)))
    body += [string(raw) for raw in encoded[1 + len(args):]]
    body.append(b"\x01" if os.isatty(0) and os.isatty(1) else b"\x00")
    printed = False
    out = sys.stdout.buffer
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(path)
            connection.sendall(b"".join(body))
            stream = connection.makefile("rb", buffering=1 << 16)
            while True:
                head = stream.read(1)
                if not head:
                    raise EOFError
                kind = head[0]
                if kind == 3:   # exit
                    code = struct.unpack(">i", read_exactly(stream, 4))[0]
                    write_out(out, None)
                    return code
                if kind == 4 and not printed:   # refused
                    return None
                if kind not in (1, 2):
                    raise EOFError
                chunk = read_exactly(stream, struct.unpack(">i", read_exactly(stream, 4))[0])
                printed = True
                if kind == 1:
                    write_out(out, chunk)
                else:
                    write_out(out, None)
                    try:
                        sys.stderr.buffer.write(chunk)
                        sys.stderr.buffer.flush()
                    except OSError:
                        pass   # standard error closed: the run goes on, as the JVM's does
    except KeyboardInterrupt:
        # as the JVM's run ends on ^C: quietly, 130
        return 130
    except (OSError, EOFError, struct.error):
        if not printed:
            return None
        write_out(out, None)
        try:
            sys.stderr.write("lintgate: error: the lintgate server failed during the run; run again, or set"
                             " LINTGATE_NO_SERVER=1\n")
            sys.stderr.flush()
        except OSError:
            pass
        return 2


def read_exactly(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise EOFError
    return data


def write_out(out, chunk):
    """Writes a chunk of standard output (None: flushes); a reader that went away (lintgate ... | head) ends it."""
    try:
        if chunk is not None:
            out.write(chunk)
        else:
            out.flush()
    except BrokenPipeError:
        # as Python's documentation advises: no second error when the interpreter flushes at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
