from app.temp_params import Body
