from app.temp_params import Body  # expect: LG106 "module `app.temp_params` does not exist"
