"""The build of the gazetteer (``scripts/build_gazetteer.py`` runs it), one module per part:

* ``tables``     the hand-curated tables of this folder and their fields;
* ``aliases``    spelling variants of an alias, and the aliases never emitted;
* ``entries``    an entry of the files, and the check that every id it names exists;
* ``countries``  ISO 3166-1 countries at their centroids, with their capitals;
* ``regions``    first-level divisions: the curated oblasts and subjects, ISO 3166-2 elsewhere;
* ``cities``     GeoNames cities above the thresholds, without districts and duplicates;
* ``theatre``    the towns and villages of the countries the wars are fought in, and the camps;
* ``records``    one record per capital, city, curated town, village and camp, ranked by the assembly;
* ``assembly``   the whole build: every entry, each alias to one place per country;
* ``writer``     the files' text, written or compared (``--check``).
"""
