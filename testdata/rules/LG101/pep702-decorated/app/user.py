from app.clients import OldClient  # expect: LG101 "Use HttpClient instead; OldClient goes away in 3.0."
from app.clients import fetch  # expect: LG101 "leaks sockets"
from app.clients import HttpClient
