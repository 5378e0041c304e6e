// Label-set tooling: checks, translator templates, gettext PO interchange, the pseudo-locale.
