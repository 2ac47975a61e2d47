"""lintgate's Python distributions, built from the jar by `mvn package`, and the PEP 517 backends that use them.

    python3 src/build/python/lintgate_build.py dist --jar target/lintgate.jar --out target/dist

writes into target/dist:
  lintgate-VERSION-py3-none-any.whl       the jar, jvm.options and the Python launcher (needs Java 17+)
  lintgate-VERSION-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
                                          the same and a Java runtime made with jlink (Linux x86_64 build hosts
                                          with a JDK that has jlink; the newest JDK found is used)
  lintgate-VERSION.tar.gz                 the sources; building it runs Maven and gives the wheel for the host

Backends (build-backend in a pyproject.toml, backend-path = ["src/build/python"]):
  lintgate_build:maven   the sdist's: builds the wheels with Maven and returns the one for this host
  lintgate_build:pin     the repository root's: a wheel with no code that requires lintgate==VERSION, so that
                         `pip install .` of a lintgate checkout (pre-commit's hook install, the GitHub Action)
                         installs the released lintgate of that commit without a JDK or Maven

The version is read from pom.xml, its only home. Only the standard library is used: pip builds the pin wheel in
an isolated environment that has nothing else.
"""
import argparse
import base64
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
import xml.etree.ElementTree as ElementTree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
NAME = "lintgate"
PIN_NAME = "lintgate-pin"
LINUX_TAG = "py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64"
PURE_TAG = "py3-none-any"
# zip entries carry no build time: the same sources give the same wheel
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SDIST_PATHS = ["pom.xml", "LICENSE", "README.md", "bin", "rules", "src/main", "src/build"]


def pom(root=ROOT):
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    project = ElementTree.parse(os.path.join(root, "pom.xml")).getroot()
    return project.findtext("m:version", namespaces=ns).strip(), project.findtext("m:description", namespaces=ns).strip()


def metadata(name, version, summary, requires=(), readme=True, root=ROOT):
    lines = [
        "Metadata-Version: 2.1",
        "Name: " + name,
        "Version: " + version,
        "Summary: " + summary,
        "Home-page: https://github.com/lintgate/lintgate",
        "License: MIT",
        "Requires-Python: >=3.8",
        "Classifier: Environment :: Console",
        "Classifier: Intended Audience :: Developers",
        "Classifier: License :: OSI Approved :: MIT License",
        "Classifier: Programming Language :: Python :: 3",
        "Classifier: Topic :: Software Development :: Quality Assurance",
        "Project-URL: Source, https://github.com/lintgate/lintgate",
    ]
    lines += ["Requires-Dist: " + r for r in requires]
    body = ""
    if readme:
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
            body = f.read()
    return ("\n".join(lines) + "\n\n" + body).encode("utf-8")


def write_wheel(directory, name, version, tag, purelib, files):
    """files: (path in the wheel, bytes, executable); the dist-info files are added here, RECORD last."""
    dist = name.replace("-", "_")
    filename = "%s-%s-%s.whl" % (dist, version, tag)
    info = "%s-%s.dist-info/" % (dist, version)
    wheel = "Wheel-Version: 1.0\nGenerator: lintgate_build\nRoot-Is-Purelib: %s\n" % ("true" if purelib else "false")
    for t in tag.split("-")[2].split("."):
        wheel += "Tag: py3-none-%s\n" % t
    entries = list(files) + [(info + "WHEEL", wheel.encode(), False)]
    record = io.StringIO()
    path = os.path.join(directory, filename)
    os.makedirs(directory, exist_ok=True)
    with zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data, executable in entries:
            entry = zipfile.ZipInfo(arcname, ZIP_TIME)
            entry.external_attr = (0o100755 if executable else 0o100644) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.write("%s,sha256=%s,%d\n" % (arcname, digest, len(data)))
        record.write(info + "RECORD,,\n")
        entry = zipfile.ZipInfo(info + "RECORD", ZIP_TIME)
        entry.external_attr = 0o100644 << 16
        z.writestr(entry, record.getvalue(), zipfile.ZIP_DEFLATED)
    os.replace(path + ".tmp", path)
    return filename


def read(path):
    with open(path, "rb") as f:
        return f.read()


def lintgate_files(version, summary, jar, root=ROOT):
    """What both wheels hold: the launcher, the jar, the JVM flags, the metadata."""
    package = os.path.join(root, "src", "main", "python", "lintgate")
    files = []
    for name in sorted(os.listdir(package)):
        if name.endswith(".py"):
            data = read(os.path.join(package, name))
            if name == "__init__.py":
                data += ('__version__ = "%s"\n' % version).encode()
            files.append(("lintgate/" + name, data, False))
    files.append(("lintgate/lintgate.jar", read(jar), False))
    files.append(("lintgate/jvm.options", read(os.path.join(root, "bin", "jvm.options")), False))
    info = "lintgate-%s.dist-info/" % version
    files.append((info + "METADATA", metadata(NAME, version, summary, root=root), False))
    files.append((info + "entry_points.txt", b"[console_scripts]\nlintgate = lintgate._launcher:main\n", False))
    files.append((info + "LICENSE", read(os.path.join(root, "LICENSE")), False))
    return files


def java_major(home):
    try:
        with open(os.path.join(home, "release"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("JAVA_VERSION="):
                    v = line.split("=", 1)[1].strip().strip('"').split(".")
                    return int(v[1]) if v[0] == "1" else int(v[0].split("-")[0].split("+")[0])
    except (OSError, ValueError):
        pass
    return None


def jlink_jdk(explicit):
    """The JDK whose jlink makes the runtime: the one given, else the newest with jlink among JAVA_HOME, the
    JDK running Maven and /usr/lib/jvm (Java 19+ keeps its class-data archive itself; see _launcher)."""
    if explicit:
        return explicit if os.path.isfile(os.path.join(explicit, "bin", "jlink")) else None
    homes = [os.environ.get("JAVA_HOME", "")]
    for base in ("/usr/lib/jvm", "/opt/java", "/opt/hostedtoolcache/Java_Temurin-Hotspot_jdk"):
        if os.path.isdir(base):
            for entry in sorted(os.listdir(base)):
                homes += [os.path.join(base, entry), os.path.join(base, entry, "x64")]
    best = None
    for home in homes:
        major = java_major(home) if home else None
        if major and major >= 17 and os.path.isfile(os.path.join(home, "bin", "jlink")):
            if best is None or major > best[1]:
                best = (os.path.realpath(home), major)
    return best[0] if best else None


def runtime(jdk, jar, work):
    """A runtime of only the modules the jar needs, stripped and compressed, with the JDK's class-data archive.
    Kept in target/ by what it depends on, so that a second `mvn package` does not link it again."""
    major = java_major(jdk)
    modules = subprocess.run([os.path.join(jdk, "bin", "jdeps"), "--print-module-deps", "--ignore-missing-deps",
                              "--multi-release", str(major), jar], check=True, stdout=subprocess.PIPE,
                             universal_newlines=True).stdout.strip()
    options = ["--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
               "--compress", "zip-6" if major >= 21 else "2", "--generate-cds-archive"]
    key = hashlib.sha256((read(os.path.join(jdk, "release")).decode() + " ".join(options)).encode()).hexdigest()[:16]
    output = os.path.join(work, "jlink-" + key)
    if not os.path.isfile(os.path.join(output, "release")):
        shutil.rmtree(output, ignore_errors=True)
        subprocess.run([os.path.join(jdk, "bin", "jlink")] + options + ["--output", output], check=True,
                       stdout=subprocess.DEVNULL)
        # only for heaps over 32 GB (no compressed pointers), and keytool signs nothing here
        for unused in ("lib/server/classes_nocoops.jsa", "bin/keytool"):
            if os.path.exists(os.path.join(output, unused)):
                os.remove(os.path.join(output, unused))
    return output


def runtime_files(directory):
    files = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames.sort()
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            relative = os.path.relpath(full, directory).replace(os.sep, "/")
            # wheels hold no symbolic links: the legal notices jlink links are copied
            files.append(("lintgate/runtime/" + relative, read(full), os.access(full, os.X_OK)))
    return files


def sdist(directory, version, summary, root=ROOT):
    base = "%s-%s" % (NAME, version)
    path = os.path.join(directory, base + ".tar.gz")
    pyproject = ('[build-system]\nrequires = []\nbuild-backend = "lintgate_build:maven"\n'
                 'backend-path = ["src/build/python"]\n\n[project]\nname = "%s"\nversion = "%s"\n'
                 'description = "%s"\nreadme = "README.md"\nlicense = {file = "LICENSE"}\nrequires-python = ">=3.8"\n'
                 '\n[project.scripts]\nlintgate = "lintgate._launcher:main"\n' % (NAME, version, summary))
    generated = {"pyproject.toml": pyproject.encode(), "PKG-INFO": metadata(NAME, version, summary, root=root)}
    os.makedirs(directory, exist_ok=True)
    with open(path + ".tmp", "wb") as raw:
        # gzip without a name or a time in its header, for the same bytes from the same sources
        import gzip
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
                def add(name, data, mode):
                    entry = tarfile.TarInfo(base + "/" + name)
                    entry.size, entry.mode, entry.mtime = len(data), mode, 315532800
                    tar.addfile(entry, io.BytesIO(data))
                for name in sorted(generated):
                    add(name, generated[name], 0o644)
                for top in SDIST_PATHS:
                    full = os.path.join(root, top)
                    walk = [(os.path.dirname(full), [], [os.path.basename(full)])] if os.path.isfile(full) else os.walk(full)
                    for dirpath, dirnames, filenames in walk:
                        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
                        for name in sorted(filenames):
                            f = os.path.join(dirpath, name)
                            add(os.path.relpath(f, root).replace(os.sep, "/"), read(f),
                                0o755 if os.access(f, os.X_OK) else 0o644)
    os.replace(path + ".tmp", path)
    return os.path.basename(path)


def is_linux_x86_64():
    return sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64")


def dist(argv):
    parser = argparse.ArgumentParser(prog="lintgate_build.py dist")
    parser.add_argument("--jar", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--jlink-jdk", default="", help="JDK home whose jlink makes the bundled runtime")
    parser.add_argument("--runtime", choices=["auto", "required", "none"], default="auto",
                        help="the Linux wheel: when a JDK with jlink is found, always (fail without), never")
    args = parser.parse_args(argv)
    version, summary = pom()
    files = lintgate_files(version, summary, args.jar)
    built = [write_wheel(args.out, NAME, version, PURE_TAG, True, files)]
    if args.runtime != "none":
        jdk = jlink_jdk(args.jlink_jdk) if is_linux_x86_64() else None
        if jdk is None:
            message = ("no Linux x86_64 wheel: it needs a Linux x86_64 host and a JDK 17+ with jlink "
                       "(give one with -Dlintgate.jlink.jdk=HOME)")
            if args.runtime == "required":
                sys.exit("lintgate_build: error: " + message)
            print("lintgate_build: " + message)
        else:
            image = runtime(jdk, args.jar, os.path.dirname(os.path.abspath(args.out)))
            built.append(write_wheel(args.out, NAME, version, LINUX_TAG, False, files + runtime_files(image)))
    built.append(sdist(args.out, version, summary))
    for name in built:
        print("lintgate_build: %s (%.1f MB)" % (os.path.join(args.out, name), os.path.getsize(os.path.join(args.out, name)) / 1e6))


class _Pin:
    """The root pyproject.toml's backend: lintgate==VERSION and nothing else."""

    @staticmethod
    def get_requires_for_build_wheel(config_settings=None):
        return []

    @staticmethod
    def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
        version, summary = pom()
        info = "lintgate_pin-%s.dist-info/" % version
        meta = metadata(PIN_NAME, version, "Installs lintgate %s, the release of this commit." % version,
                        requires=["lintgate==" + version], readme=False)
        return write_wheel(wheel_directory, PIN_NAME, version, PURE_TAG, True, [(info + "METADATA", meta, False)])


class _Maven:
    """The sdist's backend: Maven builds the wheels; the one for this host is returned."""

    @staticmethod
    def get_requires_for_build_wheel(config_settings=None):
        return []

    @staticmethod
    def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
        version, _ = pom()
        mvn = shutil.which("mvn")
        if mvn is None:
            sys.exit("lintgate_build: error: building lintgate from source needs Maven (mvn) and a JDK 17+;"
                     " the wheels on PyPI need neither")
        subprocess.run([mvn, "-B", "-q", "package", "-DskipTests", "-Dlintgate.python=" + sys.executable],
                       cwd=ROOT, check=True, stdout=sys.stderr)
        out = os.path.join(ROOT, "target", "dist")
        for tag in ([LINUX_TAG] if is_linux_x86_64() else []) + [PURE_TAG]:
            name = "%s-%s-%s.whl" % (NAME, version, tag)
            if os.path.isfile(os.path.join(out, name)):
                shutil.copy(os.path.join(out, name), os.path.join(wheel_directory, name))
                return name
        sys.exit("lintgate_build: error: Maven built no wheel in " + out)

    @staticmethod
    def get_requires_for_build_sdist(config_settings=None):
        return []

    @staticmethod
    def build_sdist(sdist_directory, config_settings=None):
        version, summary = pom()
        return sdist(sdist_directory, version, summary)


pin = _Pin()
maven = _Maven()

if __name__ == "__main__":
    if sys.argv[1:2] == ["dist"]:
        dist(sys.argv[2:])
    elif sys.argv[1:2] == ["requirement"]:
        # the GitHub Action installs this: the release of the commit it runs from
        print("lintgate==" + pom()[0])
    else:
        sys.exit("usage: lintgate_build.py dist --jar JAR --out DIR | requirement")
