"""Reading rendered pages in tests: the text of each element marked with `data-testid`, whitespace
collapsed, so a test can say exactly what a section shows."""

import re
from collections import defaultdict
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ByTestId(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.found = defaultdict(list)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        testid = dict(attrs).get("data-testid")
        self.stack.append((tag, testid, [] if testid else None))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, testid, buffer = self.stack.pop()
            if buffer is not None:
                self.found[testid].append(re.sub(r"\s+", " ", "".join(buffer)).strip())
            if open_tag == tag:
                break

    def handle_data(self, data):
        for _tag, _testid, buffer in self.stack:
            if buffer is not None:
                buffer.append(data)


def by_testid(response):
    """{data-testid: [text of each element with it, in page order]} of a response."""
    parser = _ByTestId()
    parser.feed(response.content.decode())
    parser.close()
    return dict(parser.found)


def texts(response, testid):
    return by_testid(response).get(testid, [])


def text(response, testid):
    """The text of the one element with `testid` ("" when there is none)."""
    found = texts(response, testid)
    assert len(found) <= 1, f"{len(found)} elements have data-testid={testid!r}"
    return found[0] if found else ""
