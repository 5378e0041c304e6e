# The two commands of the README. Each installs the Debian packages it needs (as root) or prints the apt-get line.
.PHONY: render test validate clean

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

clean:
	rm -rf .build Output/sv Output/en Output/pseudo
