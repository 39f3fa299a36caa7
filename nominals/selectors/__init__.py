"""Reads of the register: lists with filters and sorting, search, one nominal or OCG with what the viewer
may see of it, entities, associations and the tier-3 hotspot counts. Every queryset comes from the
access engine (access); nothing here decides who sees what.

Filters that reveal law-enforcement detail (establishment, custody status) only match items the viewer
sees at tier 1 or better, so a partnership (tier 2) viewer cannot learn where someone is held by
filtering. Filters naming an OCG only match OCGs the viewer may see.
"""
