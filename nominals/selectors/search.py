"""Search of nominals by name, date of birth and identifiers."""

import datetime
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, Value
from django.db.models.functions import Greatest

from ..models import CustodyEpisode, Nominal, NominalAlias, OtherIdentifier
from ..normalise import normalise_identifier
from .common import MAX_SEARCH_LENGTH, nominal_queryset
from .nominals import API_ROW, with_list_relations

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
IDENTIFIER_RE = re.compile(r"^(\d{2}/\d{1,7}[A-Z]|[A-Z]\d{4}[A-Z]{2}|[A-Z]\d{6})$")
# The search page and the API search show the best matches only, never an exact count: counting repeats
# the name match over the whole register, which costs as much as finding the rows.
SEARCH_PAGE_LIMIT = 50


def _parse_date(token):
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(token, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class SearchTerms:
    names: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    date_of_birth: datetime.date | None = None

    @property
    def is_empty(self):
        return not (self.names or self.identifiers or self.date_of_birth)


def search_terms(query):
    """Split a search into name words, identifiers (anything shaped like a PNC ID, prison number or
    CRN, or containing a digit) and a date of birth."""
    names, identifiers, date_of_birth = [], [], None
    for token in (query or "")[:MAX_SEARCH_LENGTH].split():
        date = _parse_date(token)
        if date and date_of_birth is None:
            date_of_birth = date
            continue
        upper = normalise_identifier(token)
        if IDENTIFIER_RE.match(upper) or any(ch.isdigit() for ch in upper):
            identifiers.append(upper)
            continue
        word = re.sub(r"[^\w'-]", "", token, flags=re.UNICODE)
        if word:
            names.append(word.lower())
    # Identifiers are often typed with spaces ("QQ 12 34 56 C"): try the whole query joined up as well.
    whole = normalise_identifier(query or "")[:MAX_SEARCH_LENGTH]
    if len((query or "").split()) > 1 and any(ch.isdigit() for ch in whole) and date_of_birth is None:
        identifiers.append(whole)
    return SearchTerms(tuple(names), tuple(identifiers), date_of_birth)


def _identifier_ids(identifiers):
    if not identifiers:
        return None
    # Compound statements cannot carry the models' default ordering: .order_by() clears it.
    direct = (
        Nominal.objects.filter(Q(pnc_id__in=identifiers) | Q(prison_number__in=identifiers) | Q(crn__in=identifiers))
        .values("pk")
        .order_by()
    )
    other = OtherIdentifier.objects.filter(value__in=identifiers).values("nominal_id").order_by()
    custody = CustodyEpisode.objects.filter(prison_number__in=identifiers).values("nominal_id").order_by()
    return direct.union(other, custody)


def _name_ids_postgresql(names):
    from django.contrib.postgres.search import SearchQuery, SearchVector

    text = " ".join(names)
    # Prefix matching on every word: "smi joh" finds John Smith.
    # Only word characters reach the raw tsquery, so punctuation in names (O'Neil, Smith-Jones) cannot
    # break its syntax.
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    vector = SearchVector("surname", "forenames", config="simple")
    match = Q(surname__trigram_similar=text)
    if names[-1] != text:
        # With one word the two are the same, and PostgreSQL would scan each trigram index twice.
        match |= Q(surname__trigram_similar=names[-1])
    if words:
        # A one-letter prefix would match most of the register: single letters match whole words only.
        terms = " & ".join(f"{w}:*" if len(w) > 1 else w for w in words)
        match |= Q(name_vector=SearchQuery(terms, search_type="raw", config="simple"))
    nominals = Nominal.objects.annotate(name_vector=vector).filter(match)
    aliases = NominalAlias.objects.annotate(name_vector=vector).filter(match)
    return nominals.values("pk").order_by().union(aliases.values("nominal_id").order_by())


def _name_ids_simple(names):
    nominal_q, alias_q = Q(), Q()
    for name in names:
        nominal_q &= Q(surname__icontains=name) | Q(forenames__icontains=name)
        alias_q &= Q(surname__icontains=name) | Q(forenames__icontains=name)
    return (
        Nominal.objects.filter(nominal_q)
        .values("pk")
        .order_by()
        .union(NominalAlias.objects.filter(alias_q).values("nominal_id").order_by())
    )


def nominal_search(*, user, query, relations=API_ROW):
    """Nominals the user may see matching `query`: names and aliases (on PostgreSQL full-text prefix
    matching and trigram similarity, so misspellings are found; elsewhere substring matching), PNC ID,
    prison number, CRN or other identifiers (exact), and a date of birth (exact; with names, both
    must match). Best matches first."""
    terms = search_terms(query)
    queryset = nominal_queryset(user)
    if terms.is_empty:
        return queryset.none()
    postgresql = connection.vendor == "postgresql"
    matches = []
    if terms.names:
        matches.append(_name_ids_postgresql(terms.names) if postgresql else _name_ids_simple(terms.names))
    identifier_ids = _identifier_ids(terms.identifiers)
    if identifier_ids is not None:
        matches.append(identifier_ids)
    if matches:
        ids = matches[0].union(*matches[1:]) if len(matches) > 1 else matches[0]
        queryset = queryset.filter(pk__in=ids)
    if terms.date_of_birth:
        queryset = queryset.filter(date_of_birth=terms.date_of_birth)
    if postgresql and terms.names:
        from django.contrib.postgres.search import TrigramSimilarity

        text = " ".join(terms.names)
        queryset = queryset.annotate(
            rank=Greatest(TrigramSimilarity("surname", text), TrigramSimilarity("forenames", text), Value(0.0))
        ).order_by("-rank", "-created_at", "-id")
    else:
        queryset = queryset.order_by("surname", "forenames", "-created_at", "-id")
    return with_list_relations(user, queryset, relations)


def nominal_search_best(*, user, query, relations=API_ROW):
    """The best SEARCH_PAGE_LIMIT matches of `nominal_search` as a list, and whether more matched.
    Reads one row past the limit rather than counting, so the name match runs once."""
    rows = list(nominal_search(user=user, query=query, relations=relations)[: SEARCH_PAGE_LIMIT + 1])
    return rows[:SEARCH_PAGE_LIMIT], len(rows) > SEARCH_PAGE_LIMIT
