"""Reads the diagnostics of clang-tidy's --export-fixes YAML without PyYAML
(which this machine's registries cannot install): only the fields the
benchmarks count."""
import re


def diagnostics(text):
    """Yields {name, file, offset, replacements} for each diagnostic."""
    for block in re.split(r"\n  - DiagnosticName:\s*", text)[1:]:
        name = block.split("\n", 1)[0].strip().strip("'")
        message = re.search(r"DiagnosticMessage:\s*\n\s*Message:.*?\n\s*FilePath:\s*'?([^'\n]*)'?\s*\n\s*FileOffset:\s*(\d+)", block, re.S)
        if not message:
            continue
        head = block.split("Notes:", 1)[0]
        yield {"name": name, "file": message.group(1), "offset": int(message.group(2)),
               "replacements": head.count("- FilePath:")}
