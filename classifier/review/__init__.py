"""``rltaxo review``: a small local page to check, correct and export what the classifier said.

``corrections.py`` owns the append-only corrections file; ``view.py`` turns results into what the page
shows and renders the one self-contained page (also the static ``--html`` export); ``server.py`` serves
it on 127.0.0.1 (Starlette + uvicorn, imported only here, so ``rltaxo --help`` stays fast).
"""
