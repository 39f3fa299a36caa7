"""A real SMTP server for the delivery tests (aiosmtpd on 127.0.0.1), with answers a test chooses.

Django's own SMTP backend talks to it over a socket, so permanent and transient refusals, and an
answer that arrives too late, are the ones a real mail server gives.
"""

import asyncio
import contextlib
import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


class ChoosyHandler:
    """Accepts every message except where a test said otherwise.

    refuse_recipients: {address: "550 5.1.1 ..."} answered to RCPT TO for that address.
    refuse_data: {address: "554 ..."} answered to DATA for a message to that address.
    slow_answer_seconds: the message is stored, then the "250" waits this long (a lost answer).
    """

    def __init__(self):
        self.received = []
        self.refuse_recipients = {}
        self.refuse_data = {}
        self.slow_answer_seconds = 0
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse_recipients.get(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            if address in self.refuse_data:
                return self.refuse_data[address]
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.received.append(message)
        if self.slow_answer_seconds:
            await asyncio.sleep(self.slow_answer_seconds)
        return "250 2.0.0 Message accepted for delivery"

    def messages(self):
        with self._lock:
            return list(self.received)


def _free_port():
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def smtp_server():
    handler = ChoosyHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller
    finally:
        controller.stop()
