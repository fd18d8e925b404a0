"""What every reliability campaign does with its result: print the markdown table and, with
--out, write it there and the raw results as JSON beside it."""
import json
import os


def publish(markdown, results, out=None):
    print(markdown)
    if out:
        with open(out, "w") as f:
            f.write(markdown)
        with open(os.path.splitext(out)[0] + ".json", "w") as f:
            json.dump(results, f, indent=1)
