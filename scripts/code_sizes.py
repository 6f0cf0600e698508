#!/usr/bin/env python3
# code_sizes.py DIR...: the five largest C++ source files (lines) and the eight longest
# functions (lines from the signature's first line to the closing brace) below the folders,
# e.g. `python3 scripts/code_sizes.py run cli`. Functions are found by brace matching with
# comments and strings removed and namespace/class/struct bodies transparent: a heuristic
# for the size targets of docs/architecture.md, not a parser.
import re, sys, os
def strip(src):
    src = re.sub(r'//[^\n]*', '', src)
    src = re.sub(r'/\*.*?\*/', lambda m: '\n'*m.group(0).count('\n'), src, flags=re.S)
    src = re.sub(r'R"\((.*?)\)"', lambda m: '""'+'\n'*m.group(0).count('\n'), src, flags=re.S)
    src = re.sub(r'"(\\.|[^"\\\n])*"', '""', src)
    src = re.sub(r"'(\\.|[^'\\\n])'", "''", src)
    return src
def functions(path):
    text = strip(open(path, encoding='utf-8', errors='replace').read())
    stack = []  # entries: 'T' transparent, ('F', startline, name) function, 'B' block
    out = []; head = ''; line = 1
    for ch in text:
        if ch == '\n': line += 1
        if ch == '{':
            inside_fn = any(isinstance(s, tuple) for s in stack)
            h = head.strip()
            if inside_fn: stack.append('B')
            elif re.search(r'\b(namespace|class|struct|union|enum)\b[^()]*$', h) or h.endswith('='):
                stack.append('T')
            elif ')' in h:
                sig = h.split('\n')[-1] if h else ''
                name = re.findall(r'([\w:~]+)\s*\(', h)
                stack.append(('F', line - h.count('\n'), name[0] if name else '?'))
            else: stack.append('B' if stack else 'T')
            head = ''
        elif ch == '}':
            if stack:
                s = stack.pop()
                if isinstance(s, tuple): out.append((line - s[1] + 1, s[2], s[1]))
            head = ''
        elif ch == ';':
            head = ''
        else:
            head += ch
    return out
files = []
for d in sys.argv[1:]:
    for root, _, names in os.walk(d):
        for n in names:
            if n.endswith(('.cpp', '.hpp')): files.append(os.path.join(root, n))
sizes = sorted(((sum(1 for _ in open(f, encoding='utf-8', errors='replace')), f) for f in files), reverse=True)
print("largest files:"); [print(f"  {n:5d} {f}") for n, f in sizes[:5]]
longest = []
for f in files:
    for n, name, start in functions(f): longest.append((n, f"{f}:{start} {name}"))
longest.sort(reverse=True)
print("longest functions:"); [print(f"  {n:5d} {w}") for n, w in longest[:8]]
