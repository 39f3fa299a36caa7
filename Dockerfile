# OCG Share image: the GOV.UK / MoJ front-end assets are compiled with Node in the first stage; the
# second stage holds only Python, the app and its collected static files, served by gunicorn.
# The same image runs the web, worker and beat services of docker-compose.yml.

FROM node:20-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ frontend/
RUN npm run build

FROM python:3.11-slim
# Settings find templates/ and var/ beside manage.py, so the code runs from /app (PYTHONPATH) rather
# than from the copy `pip install .` puts in site-packages, which is there for the dependencies.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app
WORKDIR /app

COPY . .
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ocgshare
COPY --from=assets /build/ocgshare/static/ ocgshare/static/

# Static files are collected (and compressed by whitenoise) at build time with throw-away settings;
# no secret is baked into the image. The web service collects again on start, which is then a no-op.
RUN DEBUG=false \
    SECRET_KEY=collectstatic-only-build-time-key-not-used-at-run-time-0123456789 \
    python manage.py collectstatic --no-input \
    && chown -R ocgshare:ocgshare /app/var

USER ocgshare
EXPOSE 8000
CMD ["gunicorn", "ocgshare.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
