"""`GET /api/me/tasks/`: the signed-in user's work list (ocgshare.worklist), as the home page shows it."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .worklist import work_for


class ItemSerializer(serializers.Serializer):
    text = serializers.CharField()
    url = serializers.CharField(help_text="A path inside OCG Share, or empty.", allow_blank=True)
    detail = serializers.CharField(allow_blank=True, help_text="A date or state shown beside the text.")
    urgent = serializers.BooleanField(help_text="Overdue, or ends within days.")
    due = serializers.DateField(allow_null=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="protocols_to_sign, protocols_due, vetting, grants_expiring, …")
    title = serializers.CharField()
    count = serializers.IntegerField(help_text="How many in all; `items` lists the first few.")
    items = ItemSerializer(many=True)
    more_url = serializers.CharField(allow_blank=True)


class ActionSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    url = serializers.CharField()


class SearchSerializer(serializers.Serializer):
    label = serializers.CharField()
    url = serializers.CharField()
    hint = serializers.CharField(allow_blank=True)


class WorkListSerializer(serializers.Serializer):
    actions = ActionSerializer(many=True, help_text="The main things the user's roles do.")
    search = SearchSerializer(allow_null=True, help_text="Where to find a person, for register readers.")
    sections = SectionSerializer(many=True, help_text="What needs the user; sections with nothing are left out.")


class WorkListView(APIView):
    """What needs the signed-in user: protocols to sign or review, grants and vetting ending, unread
    notifications, records they added; and the main actions of their roles. The home page shows the same."""

    @extend_schema(responses=WorkListSerializer)
    def get(self, request):
        return Response(WorkListSerializer(work_for(request.user)).data)
