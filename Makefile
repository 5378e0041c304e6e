# The commands of the README. render, test and install install the Debian packages they need (as root) or print the
# apt-get line; install builds the release binary and copies it to $(PREFIX)/bin (the binary carries its
# interface strings and default style, so it needs nothing beside it).
.PHONY: render test validate release install uninstall clean

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin

render:
	@bash .ci/install-deps render
	swift build --product stapel
	.build/debug/stapel build

test:
	@bash .ci/install-deps test
	swift test --disable-xctest

validate:
	swift build --product stapel
	.build/debug/stapel validate --strict

release:
	@bash .ci/install-deps render
	swift build -c release --static-swift-stdlib --product stapel

install: release
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$(swift build -c release --show-bin-path)/stapel" "$(DESTDIR)$(BINDIR)/stapel"
	@echo "installed $(DESTDIR)$(BINDIR)/stapel; try: stapel --version"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/stapel"

clean:
	rm -rf .build Output/sv Output/en Output/pseudo
