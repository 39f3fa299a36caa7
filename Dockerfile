# OCG Share image: the GOV.UK / MoJ front-end assets are compiled with Node in the first stage; the
# second stage holds only Python, the app and its collected static files, served by gunicorn.
# The same image runs the migrate, web, worker and beat services of docker-compose.yml.

FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN npm run build

FROM python:3.11-slim
# Settings find templates/ and var/ beside manage.py, so the code runs from /app (PYTHONPATH); the
# project itself is not pip-installed.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app
WORKDIR /app

# Dependencies before the code, so that this layer is rebuilt only when the lock changes. The lock
# (`make lock`) pins every package with its hashes; --no-deps installs exactly what it lists.
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ocgshare

COPY . .
COPY --from=assets /build/ocgshare/static/ ocgshare/static/

# Static files are collected (and compressed by whitenoise) at build time with production settings and
# a throw-away key generated for this one command: no secret is baked into the image, and none is
# written here (the settings refuse every key that appears in the repository).
RUN SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DEBUG=false \
    python manage.py collectstatic --no-input \
    && chown -R ocgshare:ocgshare /app/var

USER ocgshare
EXPOSE 8000
# Settings from the environment (WEB_CONCURRENCY, WEB_THREADS, ...): ocgshare/gunicorn.py, which binds
# 0.0.0.0:8000 and logs each request to standard output.
CMD ["gunicorn", "-c", "python:ocgshare.gunicorn", "ocgshare.wsgi"]
