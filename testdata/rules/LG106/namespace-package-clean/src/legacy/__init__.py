# a namespace package before PEP 420: every legacy/ directory on sys.path is a portion of it
__path__ = __import__("pkgutil").extend_path(__path__, __name__)
