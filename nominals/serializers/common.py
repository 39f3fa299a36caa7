"""What the register serializers share (tiered serializers are the register kit's: records.serializers)."""

from rest_framework import serializers

from ocgshare.links import url_maker


class ListIdentityField(serializers.HyperlinkedIdentityField):
    """DRF's HyperlinkedIdentityField, reversing its URL once per response rather than once per row (the
    field is shared by the rows of a list). The same absolute URL."""

    def get_url(self, obj, view_name, request, format):
        if format or request is None:
            return super().get_url(obj, view_name, request, format)
        make = self.__dict__.get("_url_maker")
        if make is None:
            make = self._url_maker = url_maker(view_name, kwarg=self.lookup_url_kwarg, request=request)
        return make(getattr(obj, self.lookup_field))


class NamedAgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
