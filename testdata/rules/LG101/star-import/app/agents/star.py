from app.database.session_manager import *  # expect: LG101 "Star import brings in deprecated"
