"""Running boilercut over files, folders and streams: the command line's `clean`, `fix`, `check` and `explain`.

plan.py     what `clean IN OUT` will do: inputs, outputs, refusals (data)
read.py     bytes to documents: decompress, decode, extract HTML, split JSONL and WARC
batch.py    the units of work a worker cleans with its Cleaner
pool.py     worker processes, outcomes handed back in input order
write.py    clean text to files (atomically), standard output, in place
execute.py  a plan carried out: read, clean, write, in order
prepass.py  a folder's template lines, counted before cleaning
summary.py  what a run did: documents, drops by stage and rule, failures
"""
