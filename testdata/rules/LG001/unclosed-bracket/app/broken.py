def handler(request):
    return {"status": "ok"  # expect: LG001 "the rest of the file was still checked"
