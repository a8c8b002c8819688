"""Generated C++ programs that produce pairs and tuples and use them.

A program is a list of *cases*. A case is one producer of a pair or tuple
(a function returning one by value or by reference, through an alias or a
deduced `auto`, a template, a member (static, virtual), or a standard API:
map and set insert, find, iteration, minmax, equal_range) and the *contexts*
that use its values (reads by position in a for-init, a condition, a loop
increment, lambdas by value and by reference, reassignment, an iterator
advanced or a container grown between reads, moves, const, references,
nested pairs, macros, several values in one scope, std::get, std::tie,
structured bindings). Every program prints what it computes, so a fix that
changes behaviour changes the output.

Everything is derived from a seed: generate(seed, index) is the same program
on every machine. A program renders either as one file (the per-file fixes:
`structify-tidy --fix`) or as a project, with each producer declared in a
header that several units include, compiled with different macros
(`structify fix` for header APIs).
"""

import random
from dataclasses import dataclass, field
from typing import Callable, List

PRELUDE = r"""#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <functional>
#include <utility>
#include <vector>

#ifndef GEN_PRELUDE
#define GEN_PRELUDE
namespace gen {
enum class Color { Red, Green, Blue };
inline int &slot(int at) {
  static int slots[4] = {10, 20, 30, 40};
  return slots[at];
}
inline int twice(int value) { return value * 2; }
inline int count(int value) { return value + 1; }
// A class with a `value`: its own class's elements (the own_class producer).
template <class T, class = void> struct has_value : std::false_type {};
template <class T>
struct has_value<T, std::void_t<decltype(std::declval<const T &>().value)>> : std::true_type {};
template <class T> void show(const T &shown) {
  if constexpr (has_value<T>::value)
    std::printf("node %d\n", shown.value);
  else if constexpr (std::is_same_v<T, bool>)
    std::printf("%s\n", shown ? "true" : "false");
  else if constexpr (std::is_enum_v<T>)
    std::printf("color %d\n", static_cast<int>(shown));
  else if constexpr (std::is_integral_v<T>)
    std::printf("%lld\n", static_cast<long long>(shown));
  else if constexpr (std::is_floating_point_v<T>)
    std::printf("%.3f\n", static_cast<double>(shown));
  else if constexpr (std::is_convertible_v<T, std::string>)
    std::printf("'%s'\n", std::string(shown).c_str());
  else {
    long long sum = 0;
    for (const auto &e : shown)
      sum += e;
    std::printf("[%zu items, sum %lld]\n", shown.size(), sum);
  }
}
} // namespace gen
#endif
"""

# An element type: its spelling, a value of it made from an int expression
# `n`, and names code might give such a value.
@dataclass(frozen=True)
class ElementType:
    spelling: str
    make: Callable[[str], str]
    names: tuple
    integral: bool = False


TYPES = [
    ElementType("int", lambda n: f"({n}) + 3", ("lo", "hi", "count", "width", "height",
                                                "offset", "index", "total", "depth"), True),
    ElementType("long", lambda n: f"static_cast<long>({n}) * 7", ("start", "stop", "size",
                                                                 "bytes", "length"), True),
    ElementType("double", lambda n: f"({n}) * 0.5 + 1.25", ("mean", "ratio", "weight",
                                                             "score", "scale")),
    ElementType("bool", lambda n: f"({n}) % 2 == 0", ("ok", "found", "inserted", "valid",
                                                      "done")),
    ElementType("std::string", lambda n: f'std::string("s") + std::to_string({n})',
                ("name", "label", "key", "title", "path")),
    ElementType("char", lambda n: f"static_cast<char>('a' + ({n}) % 26)", ("letter",
                                                                          "initial", "mark")),
    ElementType("std::size_t", lambda n: f"static_cast<std::size_t>({n}) + 2",
                ("position", "capacity", "column", "line"), True),
    ElementType("gen::Color", lambda n: f"static_cast<gen::Color>(({n}) % 3)",
                ("color", "tint", "shade")),
    ElementType("std::vector<int>", lambda n: f"std::vector<int>(({n}) % 3 + 1, {n})",
                ("items", "values", "samples", "rows")),
]
INT = TYPES[0]
# Values of other types that a tuple's constructor converts to the element
# type explicitly: a vector from its size, a string from a string_view.
EXPLICIT_ARGUMENTS = {
    "std::vector<int>": lambda n: f"({n}) % 3 + 1",
    "std::string": lambda n: 'std::string_view("view")',
}
# Element types that make a struct's assignment or copying differ from the
# pair's: a const element, a reference element (to storage that lives on).
CONST_INT = ElementType("const int", lambda n: f"({n}) + 5", ("limit", "fixed", "base"))
INT_REF = ElementType("int &", lambda n: f"gen::slot(({n}) % 4)", ("slot", "cell", "target"))

PRODUCER_NAMES = ["bounds_of", "measure", "split_at", "locate", "parse_entry",
                  "span_of", "summarize", "lookup", "classify", "range_for",
                  "extent", "decode", "pick", "scan", "probe"]


@dataclass
class Producer:
    """Something that makes a pair or tuple from an int argument."""
    kind: str
    name: str
    elements: list            # [ElementType]
    names: list               # a name for each element
    template: str             # "std::pair" or "std::tuple"
    returns_named: bool       # the definition returns named locals
    header_decl: str = ""     # namespace-scope declarations (header in projects)
    definition: str = ""      # out-of-line definitions (library unit in projects)
    setup: List[str] = field(default_factory=list)  # statements before a use
    call: Callable[[str], str] = None                # the call, given the argument
    tuple_type: str = ""      # the type of the value
    by_reference: bool = False
    std_api: bool = False     # a standard library API: its pair must stay
    # functions that take the value as a parameter: (declaration, definition)
    takers: List[tuple] = field(default_factory=list)

    @property
    def awkward(self):
        """A const or reference element: the value cannot be default-
        constructed, and with a const element not assigned to."""
        return any(e is not None and e in (CONST_INT, INT_REF) for e in self.elements)

    @property
    def assignable(self):
        """Can the value be assigned to? A pair with a reference element
        assigns through the reference."""
        return not any(e is not None and e == CONST_INT for e in self.elements)

    @property
    def size(self):
        return len(self.elements)


def type_text(template, elements):
    return f"{template}<{', '.join(e.spelling for e in elements)}>"


def get(p, i, obj):
    """The positional read of element i of obj, as p's type allows."""
    if p.template == "std::pair" and i < 2:
        return f"{obj}.{'first' if i == 0 else 'second'}"
    return f"std::get<{i}>({obj})"


def make_value(p, n):
    vals = ", ".join(e.make(n) for e in p.elements)
    return f"{p.tuple_type}({vals})"


def body_returning(p, arg, r):
    """A function body that computes the elements and returns them: in one
    of the ways code returns a pair or tuple."""
    lines = []
    if p.awkward:
        named = p.returns_named
        for e, nm in zip(p.elements, p.names):
            if named:
                lines.append(f"  {e.spelling} {nm} = {e.make(arg)};")
        values = ", ".join(p.names if named else [e.make(arg) for e in p.elements])
        if r.random() < 0.5:
            lines.append(f"  return {{{values}}};")
        else:
            lines.append(f"  return {p.tuple_type}({values});")
        return "\n".join(lines)
    if p.returns_named:
        for e, nm in zip(p.elements, p.names):
            if e.integral and r.random() < 0.2:
                # A wider value the pair's constructor narrows.
                lines.append(f"  long long {nm} = {e.make(arg)};")
            else:
                lines.append(f"  {e.spelling} {nm} = {e.make(arg)};")
        values = ", ".join(p.names)
    else:
        values = ", ".join(e.make(arg) for e in p.elements)
    style = r.choice(["brace", "make", "ctor", "named", "conditional", "ctad", "early"])
    if style == "named":
        lines.append(f"  {p.tuple_type} result({values});")
        lines.append("  return result;")
        return "\n".join(lines)
    if style == "conditional":
        other = ", ".join(e.make(f"{arg} + 1") for e in p.elements)
        lines.append(f"  return {arg} % 2 == 0 ? {p.tuple_type}({values}) : "
                     f"{p.tuple_type}({other});")
        return "\n".join(lines)
    if style == "ctad" and not any(e.spelling == "std::string" for e in p.elements):
        lines.append(f"  return {p.template}({values});")
        return "\n".join(lines)
    if style == "early":
        lines.append(f"  if ({arg} < 0)\n    return {{}};")
        style = "brace"
    if style == "ctad":
        style = "brace"
    if style == "brace":
        lines.append(f"  return {{{values}}};")
    elif style == "make":
        maker = "std::make_pair" if p.template == "std::pair" else "std::make_tuple"
        if any(e.spelling in ("std::string",) for e in p.elements) and not p.returns_named:
            lines.append(f"  return {p.tuple_type}({values});")
        else:
            lines.append(f"  return {maker}({values});")
    else:
        if not p.returns_named and r.random() < 0.4:
            # Arguments the tuple's constructor converts explicitly.
            values = ", ".join(EXPLICIT_ARGUMENTS.get(e.spelling, e.make)(arg)
                               for e in p.elements)
        lines.append(f"  return {p.tuple_type}({values});")
    return "\n".join(lines)


def pick_elements(r, count):
    elements, names = [], []
    for _ in range(count):
        t = r.choice(TYPES) if r.random() < 0.6 else INT
        if r.random() < 0.06:
            t = r.choice([CONST_INT, INT_REF])
        choices = [nm for nm in t.names if nm not in names]
        elements.append(t)
        names.append(r.choice(choices) if choices else f"{t.names[0]}{len(names)}")
    return elements, names


def make_producer(r, ordinal):
    """A producer of one of the kinds the generator knows."""
    kind = r.choices(
        ["function", "alias", "auto", "template", "member", "static_member", "virtual",
         "reference", "map_insert", "set_insert", "map_find", "minmax", "equal_range",
         "map_iteration", "declared_twice", "trailing", "typedef", "attributed",
         "overloaded", "constexpr", "wrapper", "name_taken", "namespaced", "nested",
         "own_class"],
        weights=[20, 6, 6, 5, 8, 4, 5, 4, 4, 3, 4, 2, 2, 4, 3, 3, 2, 3, 3, 2, 3, 2, 3, 2, 3])[0]
    name = f"{r.choice(PRODUCER_NAMES)}{ordinal}"
    if kind in ("map_insert", "set_insert", "map_find", "minmax", "equal_range",
                "map_iteration"):
        return std_producer(r, kind, ordinal)
    count = 2 if r.random() < 0.65 else r.choice([2, 3, 4])
    template = "std::pair" if count == 2 and r.random() < 0.7 else "std::tuple"
    elements, names = pick_elements(r, count)
    p = Producer(kind, name, elements, names, template, r.random() < 0.6)
    if p.awkward and kind not in ("function", "member", "trailing", "declared_twice",
                                  "namespaced"):
        kind = p.kind = "function"
    if kind == "own_class":
        # A member whose pair holds its own class by value: the struct must
        # go after the class, where the class is complete.
        cls = f"{name.capitalize()}Node"
        node = ElementType(cls, lambda n, cls=cls: f"{cls}{{({n}) + 1}}",
                           ("node", "child", "entry"))
        at = r.randrange(count)
        elements[at] = node
        names[at] = r.choice(node.names)
    p.tuple_type = type_text(template, elements)
    ret = p.tuple_type
    if kind == "function":
        p.header_decl = f"{ret} {name}(int n);"
        p.definition = f"{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "declared_twice":
        p.header_decl = f"{ret} {name}(int n);\n// Declared again.\n{ret} {name}(int n);"
        p.definition = f"{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "trailing":
        p.header_decl = f"auto {name}(int n) -> {ret};"
        p.definition = f"auto {name}(int n) -> {ret} {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "typedef":
        alias = f"{name}_t"
        p.header_decl = f"typedef {ret} {alias};\n{alias} {name}(int n);"
        p.definition = f"{alias} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "attributed":
        # Defined where it is declared (a header's inline function).
        attr = r.choice(["[[nodiscard]] inline ", "/// Documented.\n[[maybe_unused]] inline ",
                         "static ", "inline ", "inline __attribute__((noinline)) "])
        p.header_decl = f"{attr}{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "overloaded":
        # Two overloads: each would have its own struct.
        p.header_decl = (f"{ret} {name}(int n);\n"
                         f"{ret} {name}(double d);")
        p.definition = (f"{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}\n"
                        f"{ret} {name}(double d) {{\n  return {name}(static_cast<int>(d) + 1);\n}}")
        p.call = lambda a: f"{name}({a})" if r.random() < 0.5 else f"{name}(({a}) * 1.0)"
    elif kind == "constexpr" and all(e.spelling in ("int", "long", "char", "bool", "double",
                                                     "std::size_t", "gen::Color")
                                     for e in elements) and template == "std::pair":
        vals = ", ".join(e.make("n") for e in elements)
        p.header_decl = (f"constexpr {ret} {name}(int n) {{ return {{{vals}}}; }}\n"
                         f"static_assert({name}(2).first == {name}(2).first, \"constant\");")
        p.call = lambda a: f"{name}({a})"
    elif kind == "wrapper":
        # One function returns another's result.
        inner = f"{name}_inner"
        p.header_decl = f"{ret} {inner}(int n);\n{ret} {name}(int n);"
        p.definition = (f"{ret} {inner}(int n) {{\n{body_returning(p, 'n', r)}\n}}\n"
                        f"{ret} {name}(int n) {{\n  auto got = {inner}(n + 1);\n"
                        f"  return got;\n}}")
        p.call = lambda a: f"{name}({a})" if r.random() < 0.7 else f"{inner}({a})"
    elif kind == "name_taken":
        # The struct's natural name is taken by a type and a variable.
        taken = "".join(part.capitalize() for part in name.split("_")) + "Result"
        p.header_decl = (f"struct {taken} {{ int unrelated = 5; }};\n"
                         f"{ret} {name}(int n);")
        p.definition = f"{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.setup = [f"{taken} other_{name};", f"gen::show(other_{name}.unrelated);"]
        p.call = lambda a: f"{name}({a})"
    elif kind == "namespaced":
        p.header_decl = f"namespace inner_{name} {{\n{ret} {name}(int n);\n}}"
        p.definition = f"{ret} inner_{name}::{name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"inner_{name}::{name}({a})"
    elif kind == "nested" and template == "std::pair":
        # The first element is itself a pair.
        p.elements = [None] + p.elements[1:]
        inner = type_text("std::pair", [INT, INT])
        p.tuple_type = f"std::pair<{inner}, {', '.join(e.spelling for e in elements[1:])}>"
        ret = p.tuple_type
        p.header_decl = f"{ret} {name}(int n);"
        rest = ", ".join(e.make("n") for e in elements[1:])
        p.definition = f"{ret} {name}(int n) {{\n  return {{{{n, n + 1}}, {rest}}};\n}}"
        p.call = lambda a: f"{name}({a})"
        p.kind = "nested"
    elif kind in ("constexpr", "nested"):
        p.kind = "function"
        p.header_decl = f"{ret} {name}(int n);"
        p.definition = f"{ret} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "alias":
        alias = f"{name.capitalize()}Value"
        p.header_decl = f"using {alias} = {ret};\n{alias} {name}(int n);"
        p.definition = f"{alias} {name}(int n) {{\n{body_returning(p, 'n', r)}\n}}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "auto":
        # A deduced return type needs its definition where it is called.
        maker = "std::make_pair" if template == "std::pair" else "std::make_tuple"
        vals = ", ".join(e.make("n") for e in elements)
        p.header_decl = f"inline auto {name}(int n) {{ return {maker}({vals}); }}"
        p.call = lambda a: f"{name}({a})"
    elif kind == "template":
        # Element 0 is the template parameter.
        p.elements[0] = INT
        p.tuple_type = type_text(template, p.elements)
        rest = p.elements[1:]
        tpl_type = f"{template}<T, {', '.join(e.spelling for e in rest)}>"
        vals = ", ".join(["v"] + [e.make("static_cast<int>(v)") for e in rest])
        p.header_decl = (f"template <class T> {tpl_type} {name}(T v) {{\n"
                         f"  return {tpl_type}({vals});\n}}")
        p.call = lambda a: f"{name}({a})"
    elif kind in ("member", "static_member", "virtual"):
        cls = f"{name.capitalize()}Source"
        static = "static " if kind == "static_member" else ""
        virtual = "virtual " if kind == "virtual" else ""
        const = " const" if kind != "static_member" else ""
        members = f"  {static}{virtual}{ret} {name}(int n){const};"
        if kind == "virtual":
            members = f"  virtual ~{cls}() = default;\n" + members
        p.header_decl = f"struct {cls} {{\n{members}\n}};"
        p.definition = f"{ret} {cls}::{name}(int n){const} {{\n{body_returning(p, 'n', r)}\n}}"
        if kind == "virtual":
            derived = f"{cls}Twice"
            p.header_decl += (f"\nstruct {derived} : {cls} {{\n"
                              f"  {ret} {name}(int n) const override;\n}};")
            p.definition += (f"\n{ret} {derived}::{name}(int n) const {{\n"
                             f"  return {cls}::{name}(n * 2);\n}}")
            which = derived if r.random() < 0.5 else cls
            p.setup = [f"const {which} source_{name}{{}};",
                       f"const {cls} &via_{name} = source_{name};"]
            p.call = lambda a: f"via_{name}.{name}({a})"
        elif kind == "member":
            p.setup = [f"const {cls} source_{name}{{}};"]
            p.call = lambda a: f"source_{name}.{name}({a})"
        else:
            p.call = lambda a: f"{cls}::{name}({a})"
    elif kind == "own_class":
        cls = f"{name.capitalize()}Node"
        p.header_decl = (f"struct {cls} {{\n"
                         f"  int value = 0;\n"
                         f"  {ret} {name}(int n) const;\n"
                         f"  friend bool operator==(const {cls} &a, const {cls} &b) "
                         f"{{ return a.value == b.value; }}\n"
                         f"  friend bool operator<(const {cls} &a, const {cls} &b) "
                         f"{{ return a.value < b.value; }}\n}};")
        p.definition = f"{ret} {cls}::{name}(int n) const {{\n{body_returning(p, 'n', r)}\n}}"
        p.setup = [f"const {cls} source_{name}{{}};"]
        p.call = lambda a: f"source_{name}.{name}({a})"
    elif kind == "reference":
        # A reference to stored data: the value stays where it is.
        p.header_decl = f"const {ret} &{name}(int n);"
        p.definition = (f"const {ret} &{name}(int n) {{\n"
                        f"  static {ret} stored[4];\n"
                        f"  stored[n & 3] = {make_value(p, 'n')};\n"
                        f"  return stored[n & 3];\n}}")
        p.call = lambda a: f"{name}({a})"
        p.by_reference = True
    return p


def std_producer(r, kind, ordinal):
    """A standard library API returning a pair: never to be rewritten."""
    key = r.choice([INT, TYPES[4]])
    val = r.choice([INT, TYPES[2], TYPES[4]])
    m = f"table{ordinal}"
    setup = [f"std::map<{key.spelling}, {val.spelling}> {m};"]
    for k in range(3):
        setup.append(f"{m}.emplace({key.make(str(k))}, {val.make(str(k))});")
    if kind == "map_insert":
        p = Producer(kind, m, [], ["it", "inserted"], "std::pair", False, std_api=True)
        p.tuple_type = f"std::pair<std::map<{key.spelling}, {val.spelling}>::iterator, bool>"
        p.call = lambda a: f"{m}.insert({{{key.make(a)}, {val.make(a)}}})"
        p.elements = [None, TYPES[3]]
    elif kind == "set_insert":
        setup = [f"std::set<{key.spelling}> {m};", f"{m}.insert({key.make('1')});"]
        p = Producer(kind, m, [None, TYPES[3]], ["it", "inserted"], "std::pair", False,
                     std_api=True)
        p.tuple_type = f"std::pair<std::set<{key.spelling}>::iterator, bool>"
        p.call = lambda a: f"{m}.insert({key.make(a)})"
    elif kind == "map_find":
        p = Producer(kind, m, [key, val], ["key", "value"], "std::pair", False, std_api=True)
        p.tuple_type = f"std::pair<const {key.spelling}, {val.spelling}>"
        # `*table.find(k)`: an element of the map (keys 0..2 are there).
        p.call = lambda a: f"(*{m}.find({key.make(f'({a}) % 3')}))"
        p.by_reference = True
    elif kind == "map_iteration":
        p = Producer(kind, m, [key, val], ["key", "value"], "std::pair", False, std_api=True)
        p.tuple_type = f"std::pair<const {key.spelling}, {val.spelling}>"
        p.call = lambda a: f"(*std::next({m}.begin(), ({a}) % 3))"
        p.by_reference = True
    elif kind == "minmax":
        # minmax returns references to its arguments: lvalues that live on.
        setup = [f"const int inputs{ordinal}[3] = {{5, 1, 9}};"]
        p = Producer(kind, "std::minmax", [INT, INT], ["lo", "hi"], "std::pair", False,
                     std_api=True)
        p.tuple_type = "std::pair<const int &, const int &>"
        p.call = lambda a: (f"std::minmax(inputs{ordinal}[({a}) % 3], "
                            f"inputs{ordinal}[(({a}) + 1) % 3])")
    else:  # equal_range
        setup = [f"std::vector<int> sorted{ordinal}{{1, 2, 2, 3, 5, 8}};"]
        p = Producer(kind, f"sorted{ordinal}", [None, None], ["first", "last"], "std::pair",
                     False, std_api=True)
        p.tuple_type = "std::pair<std::vector<int>::iterator, std::vector<int>::iterator>"
        p.call = lambda a: (f"std::equal_range(sorted{ordinal}.begin(), "
                            f"sorted{ordinal}.end(), ({a}) % 4)")
    p.setup = setup
    return p


# Contexts: each returns the statements of a block that uses the producer's
# values. `n` is a distinct int for each use, so outputs differ.

def show_elem(p, i, expr):
    e = p.elements[i]
    if e is None:  # an iterator: show what it points at, when it can
        if p.kind == "nested":
            return f"gen::show({expr}.first + {expr}.second);"
        if p.kind == "equal_range":
            return f"gen::show(static_cast<long>({expr} - sorted{p.name[6:]}.begin()));"
        if p.kind in ("map_insert",):
            return f"gen::show({expr}->first);"
        return f"gen::show(*{expr});"
    return f"gen::show({expr});"


def readable(p):
    return [i for i in range(p.size)]


def ctx_variable(p, r, n, v):
    spec = r.choice(["auto", "const auto &", "auto &&", "const auto"] +
                    ([] if p.kind in ("minmax",) else [p.tuple_type]))
    if p.by_reference and spec == "auto &&":
        spec = "const auto &"
    if p.kind == "minmax" and "&" in spec:
        spec = "auto"
    return [f"{spec} {v} = {p.call(n)};"] + read_some(p, r, v)


def read_some(p, r, v):
    """Reads of some of v's elements, in a random order."""
    order = readable(p)
    r.shuffle(order)
    return [show_elem(p, i, get(p, i, v)) for i in order[:r.randint(1, len(order))]]


def ctx_braced(p, r, n, v):
    """A declared tuple initialised from a braced list, `T v = {f()};`:
    `auto [a, b] = {f()};` would deduce an initializer_list, no tuple."""
    if p.kind in ("minmax",):
        return ctx_variable(p, r, n, v)
    return [f"{p.tuple_type} {v} = {{{p.call(n)}}};"] + read_some(p, r, v)


def ctx_named_reads(p, r, n, v):
    """Each element read into a variable with a name, then used."""
    lines = [f"auto {v} = {p.call(n)};"]
    for i in readable(p):
        if p.elements[i] is None:
            continue
        spelling = p.elements[i].spelling
        const = "" if spelling.startswith("const ") else "const "
        lines.append(f"{const}{spelling} {p.names[i]}_{v} = {get(p, i, v)};")
        lines.append(f"gen::show({p.names[i]}_{v});")
    return lines


def ctx_binding(p, r, n, v):
    names = [f"{nm}_{v}" for nm in p.names]
    lines = [f"auto [{', '.join(names)}] = {p.call(n)};"]
    for i, nm in enumerate(names):
        lines.append(show_elem(p, i, nm))
    return lines


def ctx_tie(p, r, n, v):
    if p.awkward:
        return ctx_variable(p, r, n, v)
    if any(e is None for e in p.elements) or p.kind in ("map_find", "map_iteration"):
        return ctx_variable(p, r, n, v)
    names = [f"{nm}_{v}" for nm in p.names]
    lines = [f"{e.spelling} {nm}{{}};" for e, nm in zip(p.elements, names)]
    tied = [nm if r.random() < 0.8 or i == 0 else "std::ignore" for i, nm in enumerate(names)]
    lines.append(f"std::tie({', '.join(tied)}) = {p.call(n)};")
    for i, nm in enumerate(names):
        if tied[i] != "std::ignore":
            lines.append(f"gen::show({nm});")
    return lines


def ctx_for_init(p, r, n, v):
    if p.awkward:
        return ctx_variable(p, r, n, v)
    if p.by_reference or p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    k = f"k_{v}"
    lines = [f"int {k} = 0;",
             f"for (auto {v} = {p.call(n)}; {k} < 3; ++{k}, {v} = {p.call(f'{n} + {k}')}) {{",
             "  " + show_elem(p, i, get(p, i, v)),
             "  " + show_elem(p, j, get(p, j, v)), "}"]
    return lines


def ctx_condition(p, r, n, v):
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    if p.elements[i] is not None and p.elements[i].integral:
        cond = f"{get(p, i, p.call(n))} > 4"
    elif p.elements[i] is not None and p.elements[i].spelling == "bool":
        cond = get(p, i, p.call(n))
    else:
        cond = f"{n} % 2 == 0"
    style = r.choice(["if_init", "temporary", "while"])
    if style == "if_init" and not p.by_reference and p.kind != "minmax":
        cond_v = cond.replace(p.call(n), v)
        return [f"if (auto {v} = {p.call(n)}; {cond_v}) {{",
                "  " + show_elem(p, j, get(p, j, v)), "} else {",
                "  " + show_elem(p, i, get(p, i, v)), "}"]
    if style == "while" and not p.by_reference and p.kind != "minmax" and not p.awkward:
        k = f"k_{v}"
        return [f"auto {v} = {p.call(n)};", f"int {k} = 0;",
                f"while ({k} < 2) {{",
                "  " + show_elem(p, i, get(p, i, v)),
                f"  {v} = {p.call(f'{n} + ++{k}')};",
                "  " + show_elem(p, j, get(p, j, v)), "}"]
    return [f"if ({cond}) {{", "  " + show_elem(p, j, get(p, j, p.call(n))), "}"]


def ctx_lambda(p, r, n, v):
    if p.kind in ("minmax", "equal_range"):
        return ctx_variable(p, r, n, v)
    by_ref = r.random() < 0.5
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    decl = "const auto &" if p.by_reference else "auto"
    cap = f"&{v}" if by_ref else v
    return [f"{decl} {v} = {p.call(n)};",
            f"auto read_{v} = [{cap}] {{ " + show_elem(p, i, get(p, i, v)) + " };",
            f"read_{v}();",
            show_elem(p, j, get(p, j, v))]


def ctx_reassign(p, r, n, v):
    if not p.assignable:
        return ctx_variable(p, r, n, v)
    if p.by_reference or p.kind == "minmax":
        return ctx_condition(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    return [f"auto {v} = {p.call(n)};",
            show_elem(p, i, get(p, i, v)),
            f"{v} = {p.call(f'{n} + 5')};",
            show_elem(p, j, get(p, j, v))]


def ctx_element_write(p, r, n, v):
    ints = [i for i in range(p.size) if p.elements[i] is not None and p.elements[i].integral]
    if not ints or p.by_reference or p.std_api:
        return ctx_variable(p, r, n, v)
    i = r.choice(ints)
    op = r.choice(["+= 2", "*= 3", "= 11"])
    return [f"auto {v} = {p.call(n)};", f"{get(p, i, v)} {op};",
            show_elem(p, i, get(p, i, v))]


def ctx_move(p, r, n, v):
    strings = [i for i in range(p.size) if p.elements[i] is not None and
               p.elements[i].spelling in ("std::string", "std::vector<int>")]
    if not strings or p.by_reference or p.std_api:
        return ctx_variable(p, r, n, v)
    i = strings[0]
    others = [k for k in range(p.size) if k != i]
    lines = [f"auto {v} = {p.call(n)};",
             f"auto moved_{v} = std::move({get(p, i, v)});",
             f"gen::show(moved_{v});"]
    for k in others[:1]:
        lines.append(show_elem(p, k, get(p, k, v)))
    return lines


def ctx_container_grown(p, r, n, v):
    """An element of a vector read, the vector grown, the element read again:
    a reference taken before the growth would dangle."""
    if p.kind in ("map_find", "map_iteration", "minmax") or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    vec = f"all_{v}"
    return [f"std::vector<{p.tuple_type}> {vec};",
            f"{vec}.push_back({p.call(n)});",
            show_elem(p, i, get(p, i, f"{vec}[0]")),
            f"for (int g = 0; g < 8; ++g) {vec}.push_back({p.call(f'{n} + g')});",
            show_elem(p, j, get(p, j, f"{vec}[0]"))]


def ctx_index_loop(p, r, n, v):
    if p.kind in ("map_find", "map_iteration", "minmax") or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    vec = f"all_{v}"
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    return [f"std::vector<{p.tuple_type}> {vec};",
            f"for (int g = 0; g < 3; ++g) {vec}.push_back({p.call(f'{n} + g')});",
            f"for (std::size_t at = 0; at < {vec}.size(); ++at) {{",
            "  " + show_elem(p, i, get(p, i, f"{vec}[at]")),
            "  " + show_elem(p, j, get(p, j, f"{vec}[at]")), "}",
            f"for (const auto &each : {vec}) {{",
            "  " + show_elem(p, j, get(p, j, "each")), "}"]


def ctx_iterator_advanced(p, r, n, v):
    """Reads through an iterator that moves between them."""
    if p.kind not in ("map_find", "map_iteration", "map_insert"):
        return ctx_index_loop(p, r, n, v)
    m = p.name
    return [f"auto it_{v} = {m}.begin();",
            f"gen::show(it_{v}->first);",
            f"++it_{v};",
            f"gen::show(it_{v}->second);",
            f"for (auto walk = {m}.begin(); walk != {m}.end(); ++walk) {{",
            "  gen::show(walk->first);",
            "  gen::show(walk->second);", "}",
            f"for (auto &entry : {m}) {{",
            "  gen::show(entry.first);", "}"]


def ctx_nested(p, r, n, v):
    if p.kind in ("map_find", "map_iteration", "minmax") or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    return [f"std::pair<{p.tuple_type}, int> {v}{{{p.call(n)}, {n}}};",
            show_elem(p, i, get(p, i, f"{v}.first")),
            f"gen::show({v}.second);"]


def ctx_macro(p, r, n, v):
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    decl = "const auto &" if p.by_reference else "auto"
    if p.kind == "minmax":
        decl = "auto"
    return [f"#define READ_{v.upper()}(x) {get(p, i, '(x)')}",
            f"{decl} {v} = {p.call(n)};",
            show_elem(p, i, f"READ_{v.upper()}({v})"),
            show_elem(p, j, get(p, j, v)),
            f"#undef READ_{v.upper()}"]


def ctx_passed_on(p, r, n, v):
    """The whole value goes on: to a function, a comparison, a return."""
    if p.std_api or p.by_reference or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    style = r.choice(["compare", "copy", "pointer"])
    if style == "compare":
        return [f"auto {v} = {p.call(n)};",
                f"gen::show({v} == {p.call(n)});",
                show_elem(p, 0, get(p, 0, v))]
    if style == "copy":
        return [f"const auto {v} = {p.call(n)};",
                f"{p.tuple_type} copy_{v} = {v};",
                show_elem(p, 0, get(p, 0, f"copy_{v}")),
                show_elem(p, p.size - 1, get(p, p.size - 1, v))]
    return [f"auto {v} = {p.call(n)};",
            f"const auto *ptr_{v} = &{v};",
            show_elem(p, 0, get(p, 0, f"(*ptr_{v})")),
            show_elem(p, p.size - 1, get(p, p.size - 1, v))]


def ctx_ternary(p, r, n, v):
    """Values chosen by `c ? a : b`: two calls into a variable, read by
    position right on the conditional, a branch built in place, two
    variables."""
    if p.by_reference or p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    cond = f"{n} % 2 == 0"
    buildable = not (p.awkward or p.std_api) and all(e is not None for e in p.elements)
    style = r.choice(["calls", "read", "built", "variables"])
    if style == "read":
        return [show_elem(p, i, get(p, i, f"({cond} ? {p.call(n)} : {p.call(f'{n} + 1')})"))]
    if style == "built" and buildable:
        built = make_value(p, n)
        first, second = (p.call(n), built) if r.random() < 0.5 else (built, p.call(n))
        return [f"auto {v} = {cond} ? {first} : {second};", show_elem(p, i, get(p, i, v))]
    if style == "variables":
        return [f"auto {v}_a = {p.call(n)};",
                f"auto {v}_b = {p.call(f'{n} + 1')};",
                f"auto {v} = {cond} ? {v}_a : {v}_b;",
                show_elem(p, i, get(p, i, v))]
    return [f"auto {v} = {cond} ? {p.call(n)} : {p.call(f'{n} + 1')};",
            show_elem(p, i, get(p, i, v))]


def ctx_switch(p, r, n, v):
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    decl = "const auto &" if p.by_reference else "auto"
    if p.kind == "minmax":
        decl = "auto"
    return [f"{decl} {v} = {p.call(n)};",
            f"switch ({n} % 3) {{",
            "case 0:",
            "  " + show_elem(p, i, get(p, i, v)),
            "  break;",
            "default:",
            "  " + show_elem(p, j, get(p, j, v)),
            "  break;", "}"]


def ctx_shadowed(p, r, n, v):
    """A name the fix may choose is declared again in an inner scope (or
    later in the same one) before an element is read there."""
    if p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    decl = "const auto &" if p.by_reference else "auto"
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    taken = r.choice(list(p.names) + ["key", "value", "first", "second", "it", "lo", "hi"])
    lines = [f"{decl} {v} = {p.call(n)};",
             show_elem(p, i, get(p, i, v)),
             "{",
             f"  const int {taken} = 1000;",
             "  " + show_elem(p, j, get(p, j, v)),
             f"  gen::show({taken});",
             "}"]
    if r.random() < 0.5:
        lines += [f"const int {taken} = 2000;", f"gen::show({taken});"]
    return lines


def ctx_macro_body(p, r, n, v):
    """A macro whose body reads an element and does more."""
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    decl = "const auto &" if p.by_reference else "auto"
    if p.kind == "minmax":
        decl = "auto"
    m = f"SHOW_{v.upper()}"
    style = r.choice(["show", "twice", "arg"])
    if style == "show" or p.elements[i] is None or not p.elements[i].integral:
        body = show_elem(p, i, get(p, i, "(x)")).rstrip(";")
        use = f"{m}({v});"
    elif style == "twice":
        body = f"({get(p, i, '(x)')} + {get(p, i, '(x)')})"
        use = f"gen::show({m}({v}));"
    else:
        body = f"gen::show(x)"
        use = f"{m}({get(p, i, v)});"
    return [f"#define {m}(x) {body}",
            f"{decl} {v} = {p.call(n)};",
            use,
            show_elem(p, j, get(p, j, v)),
            f"#undef {m}"]


def ctx_converted(p, r, n, v):
    """The value converted: to a pair of wider types, to a tuple, assigned
    into a pair declared before."""
    if p.awkward:
        return ctx_variable(p, r, n, v)
    if p.std_api or p.by_reference or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    style = r.choice(["wider", "assign", "tuple"])
    if style == "wider" and all(e.integral for e in p.elements):
        wide = f"{p.template}<{', '.join('long long' for _ in p.elements)}>"
        return [f"{wide} {v} = {p.call(n)};", show_elem(p, i, get(p, i, v))]
    if style == "tuple" and p.template == "std::pair":
        t = f"std::tuple<{', '.join(e.spelling for e in p.elements)}>"
        return [f"{t} {v} = {p.call(n)};", show_elem(p, i, f"std::get<{i}>({v})")]
    return [f"{p.tuple_type} {v};", f"{v} = {p.call(n)};", show_elem(p, i, get(p, i, v))]


def ctx_generic(p, r, n, v):
    """The value handed to generic code: a template that reads it by
    position, std::apply, decltype, tuple_size, a map key, `<`."""
    if p.kind == "minmax" or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    decl = "const auto &" if p.by_reference else "auto"
    style = r.choice(["template", "apply", "decltype", "tuple_size", "less", "map_key"])
    lines = [f"{decl} {v} = {p.call(n)};"]
    if style == "template":
        lines += [f"auto reader_{v} = [](const auto &t) {{ " + show_elem(p, i, f"std::get<{i}>(t)") + " };",
                  f"reader_{v}({v});"]
    elif style == "apply":
        lines += [f"std::apply([](const auto &...e) {{ (gen::show(e), ...); }}, {v});"]
    elif style == "decltype":
        lines += [f"std::tuple_element_t<{i}, std::decay_t<decltype({v})>> elem_{v} = {get(p, i, v)};",
                  show_elem(p, i, f"elem_{v}")]
    elif style == "tuple_size":
        lines += [f"gen::show(std::tuple_size<std::decay_t<decltype({v})>>::value);",
                  show_elem(p, i, get(p, i, v))]
    elif style == "less" and not any(e.spelling == "std::vector<int>" and False for e in p.elements):
        lines += [f"gen::show({v} < {p.call(f'{n} + 1')});", show_elem(p, i, get(p, i, v))]
    else:
        lines += [f"std::map<std::decay_t<decltype({v})>, int> keyed_{v};",
                  f"keyed_{v}[{v}] = 1;",
                  f"gen::show(keyed_{v}.begin()->second);",
                  show_elem(p, i, get(p, i, f"keyed_{v}.begin()->first"))]
    return lines


def ctx_holder(p, r, n, v):
    """The value kept in a struct's member, read in a member function."""
    if p.kind == "minmax" or any(e is None for e in p.elements) or p.by_reference and p.std_api:
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    return [f"struct Holder_{v} {{",
            f"  std::decay_t<decltype({p.call('0')})> kept;",
            "  void dump() const {",
            "    " + show_elem(p, i, get(p, i, "kept")),
            "    " + show_elem(p, j, get(p, j, "this->kept")),
            "  }",
            f"}} holder_{v}{{{p.call(n)}}};",
            f"holder_{v}.dump();",
            show_elem(p, i, get(p, i, f"holder_{v}.kept"))] if p.kind not in (
                "member", "virtual") else ctx_variable(p, r, n, v)


def ctx_pointer(p, r, n, v):
    """Reads through a pointer, and in an array."""
    if p.awkward:
        return ctx_variable(p, r, n, v)
    if p.kind in ("minmax",) or any(e is None for e in p.elements) or p.by_reference:
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    return [f"{p.tuple_type} arr_{v}[2] = {{{p.call(n)}, {p.call(f'{n} + 1')}}};",
            f"{p.tuple_type} *ptr_{v} = &arr_{v}[0];",
            show_elem(p, i, get(p, i, f"(*ptr_{v})") if p.template != "std::pair" or i > 1
                      else f"ptr_{v}->{'first' if i == 0 else 'second'}"),
            f"++ptr_{v};",
            show_elem(p, j, get(p, j, f"(*ptr_{v})") if p.template != "std::pair" or j > 1
                      else f"ptr_{v}->{'first' if j == 0 else 'second'}"),
            show_elem(p, i, get(p, i, f"arr_{v}[0]")),
            show_elem(p, j, get(p, j, f"arr_{v}[1]"))]


def ctx_function_object(p, r, n, v):
    """The producer itself handed on: a function pointer, std::function."""
    if p.kind not in ("function", "alias", "typedef", "declared_twice", "trailing",
                      "namespaced", "wrapper", "name_taken"):
        return ctx_variable(p, r, n, v)
    fn = p.call("X").split("(")[0]
    i = r.randrange(p.size)
    style = r.choice(["pointer", "function", "auto"])
    if style == "pointer":
        decl = f"{p.tuple_type} (*fn_{v})(int) = &{fn};"
    elif style == "function":
        decl = f"std::function<{p.tuple_type}(int)> fn_{v} = {fn};"
    else:
        decl = f"auto fn_{v} = &{fn};"
    return [decl, f"auto {v} = fn_{v}({n});", show_elem(p, i, get(p, i, v))]


def ctx_tie_expression(p, r, n, v):
    """std::tie inside an expression: a loop's init and increment."""
    if p.awkward:
        return ctx_variable(p, r, n, v)
    if p.std_api or any(e is None for e in p.elements) or not p.elements[0].integral:
        return ctx_tie(p, r, n, v)
    names = [f"{nm}_{v}" for nm in p.names]
    lines = [f"{e.spelling} {nm}{{}};" for e, nm in zip(p.elements, names)]
    lines += [f"int k_{v} = 0;",
              f"for (std::tie({', '.join(names)}) = {p.call(n)}; k_{v} < 2; "
              f"++k_{v}, std::tie({', '.join(names)}) = {p.call(f'{n} + k_{v}')}) {{",
              f"  gen::show({names[0]});", "}"]
    return lines


def ctx_implicit_capture(p, r, n, v):
    """Reads in a lambda that captures by default, `[=]` or `[&]`."""
    if p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    decl = "const auto &" if p.by_reference else "auto"
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    cap = r.choice(["=", "&"])
    return [f"{decl} {v} = {p.call(n)};",
            f"auto read_{v} = [{cap}] {{ " + show_elem(p, i, get(p, i, v)) + " };",
            f"read_{v}();", show_elem(p, j, get(p, j, v))]


def ctx_aliased(p, r, n, v):
    """The variable changed through a reference to it, or by a function."""
    ints = [i for i in range(p.size) if p.elements[i] is not None and p.elements[i].integral]
    if not ints or p.by_reference or p.std_api:
        return ctx_variable(p, r, n, v)
    i = r.choice(ints)
    if r.random() < 0.5:
        return [f"auto {v} = {p.call(n)};", f"auto &alias_{v} = {v};",
                show_elem(p, i, get(p, i, v)), f"{get(p, i, f'alias_{v}')} += 7;",
                show_elem(p, i, get(p, i, v))]
    return [f"auto {v} = {p.call(n)};",
            f"auto bump_{v} = [](auto &t) {{ {get(p, i, 't')} += 9; }};",
            show_elem(p, i, get(p, i, v)), f"bump_{v}({v});", show_elem(p, i, get(p, i, v))]


def ctx_unevaluated(p, r, n, v):
    """An element named in decltype and sizeof, and its address taken."""
    if p.kind == "minmax" or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    decl = "const auto &" if p.by_reference else "auto"
    i = r.randrange(p.size)
    return [f"{decl} {v} = {p.call(n)};",
            f"decltype({get(p, i, v)}) copy_{v} = {get(p, i, v)};",
            show_elem(p, i, f"copy_{v}"),
            f"gen::show(sizeof({get(p, i, v)}) > 0);",
            f"const auto *addr_{v} = &{get(p, i, v)};",
            show_elem(p, i, f"*addr_{v}")]


def ctx_loop_increment(p, r, n, v):
    """A for-init variable whose element the loop increments."""
    ints = [i for i in range(p.size) if p.elements[i] is not None and p.elements[i].integral]
    if not ints or p.by_reference or p.std_api:
        return ctx_for_init(p, r, n, v)
    i = r.choice(ints)
    j = r.randrange(p.size)
    limit = f"{get(p, i, v)} < static_cast<{p.elements[i].spelling}>({n} + 6)"
    return [f"for (auto {v} = {p.call(n)}; {limit}; ++{get(p, i, v)}) {{",
            "  " + show_elem(p, j, get(p, j, v)), "}"]


def ctx_global(p, r, n, v):
    """The value kept in a static variable."""
    if p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    return [f"static const auto {v} = {p.call(n)};", show_elem(p, i, get(p, i, v))]


def ctx_copy_then_modify(p, r, n, v):
    """An element copied into a variable, then the value changed: the copy
    keeps the old element."""
    if p.awkward:
        return ctx_variable(p, r, n, v)
    ints = [i for i in range(p.size) if p.elements[i] is not None and
            p.elements[i].spelling in ("int", "long", "std::size_t")]
    if not ints or p.by_reference or p.std_api:
        return ctx_named_reads(p, r, n, v)
    i = r.choice(ints)
    nm = f"{p.names[i]}_{v}"
    lines = [f"auto {v} = {p.call(n)};",
             f"const {p.elements[i].spelling} {nm} = {get(p, i, v)};"]
    lines.append(r.choice([f"{get(p, i, v)} += 100;", f"{v} = {p.call(f'{n} + 3')};"]))
    lines += [f"gen::show({nm});", show_elem(p, i, get(p, i, v))]
    return lines


def ctx_using_function(p, r, n, v):
    """Functions named like the elements (`count`, `twice`) called without
    qualification in the scope of the reads."""
    if p.kind == "minmax":
        return ctx_variable(p, r, n, v)
    decl = "const auto &" if p.by_reference else "auto"
    i = r.randrange(p.size)
    fn = r.choice(["count", "twice"])
    return [f"using gen::{fn};",
            f"{decl} {v} = {p.call(n)};",
            show_elem(p, i, get(p, i, v)),
            f"gen::show({fn}({n}));",
            show_elem(p, p.size - 1, get(p, p.size - 1, v))]


def ctx_get_by_type(p, r, n, v):
    """std::get<T> where the tuple's element types differ."""
    spellings = [e.spelling if e else None for e in p.elements]
    unique = [i for i, t in enumerate(spellings)
              if t and spellings.count(t) == 1 and "&" not in t and "const" not in t]
    if not unique or p.kind in ("minmax",) or p.std_api:
        return ctx_variable(p, r, n, v)
    i = r.choice(unique)
    decl = "const auto &" if p.by_reference else "auto"
    return [f"{decl} {v} = {p.call(n)};",
            show_elem(p, i, f"std::get<{spellings[i]}>({v})"),
            show_elem(p, i, get(p, i, v))]


def ctx_compared(p, r, n, v):
    """Values compared: with each other (`==`, `!=`, `<`, `>=`), with a pair
    built in place (`std::make_pair`, the type's constructor), inside an
    assert-like macro whose argument the braces' comma would split."""
    comparable = all(e is not None and e.spelling not in ("gen::Color",) for e in p.elements)
    if not comparable or p.kind in ("minmax", "equal_range", "map_insert", "set_insert"):
        return ctx_variable(p, r, n, v)
    decl = "const auto &" if p.by_reference else "auto"
    other = p.call(f"{n} + 1")
    built_values = ", ".join(e.make(n) for e in p.elements)
    maker = "std::make_pair" if p.template == "std::pair" else "std::make_tuple"
    made = r.choice([f"{maker}({built_values})", f"{p.tuple_type}({built_values})"])
    if p.awkward or p.std_api:
        made = f"{p.tuple_type}({built_values})"
    style = r.choice(["equal", "order", "made", "macro"])
    lines = [f"{decl} {v} = {p.call(n)};"]
    if style == "equal":
        lines.append(f"gen::show({v} == {other});")
        lines.append(f"gen::show({other} != {v});")
    elif style == "order":
        op = r.choice(["<", ">", "<=", ">="])
        lines.append(f"gen::show({v} {op} {other});")
    elif style == "made":
        lines.append(f"gen::show({v} == {made});")
    elif p.awkward or p.std_api:
        lines.append(f"gen::show({v} == {made});")
    else:
        # A type's commas would split the argument; make_pair's are inside
        # parentheses.
        made = f"{maker}({built_values})"
        lines += [f"#define CHECK_{v.upper()}(cond) gen::show(static_cast<bool>(cond))",
                  f"CHECK_{v.upper()}({v} == {made});",
                  f"#undef CHECK_{v.upper()}"]
    i = r.randrange(p.size)
    lines.append(show_elem(p, i, get(p, i, v)))
    return lines


def ctx_parameter(p, r, n, v):
    """The value passed to a function of the program's that takes the pair
    (by value or by const reference) and reads it by position: the call's
    value, a variable's, or a pair built in place."""
    if p.std_api or p.by_reference or p.kind == "minmax" or p.awkward or \
            any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    taker = f"take_{p.name}_{v}"
    param = (f"const {p.tuple_type} &t" if r.random() < 0.5 else f"{p.tuple_type} t")
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    p.takers.append((f"void {taker}({param});",
                     f"void {taker}({param}) {{ {show_elem(p, i, get(p, i, 't'))} }}"))
    style = r.choice(["direct", "variable", "built"])
    if style == "direct":
        return [f"{taker}({p.call(n)});"]
    if style == "variable":
        return [f"auto {v} = {p.call(n)};", f"{taker}({v});", show_elem(p, j, get(p, j, v))]
    return [f"{taker}({p.call(n)});", f"{taker}({make_value(p, n)});"]


def ctx_lambda_returned(p, r, n, v):
    """The value returned from a lambda whose result type is deduced: one
    kept in a variable and called, one called at once, or one stored in a
    std::function (which keeps the tuple)."""
    if p.by_reference or p.awkward or any(e is None for e in p.elements):
        return ctx_variable(p, r, n, v)
    i = r.randrange(p.size)
    j = r.randrange(p.size)
    style = r.choice(["variable", "variable", "immediate", "function"])
    if style == "variable":
        return [f"auto pick_{v} = [&](int k) {{ return {p.call('k')}; }};",
                f"auto {v} = pick_{v}({n});", show_elem(p, i, get(p, i, v)),
                show_elem(p, j, get(p, j, f"pick_{v}({n} + 1)"))]
    if style == "immediate":
        return [f"const auto {v} = [&] {{ return {p.call(n)}; }}();",
                show_elem(p, i, get(p, i, v))]
    return [f"std::function<{p.tuple_type}()> fn_{v} = [&] {{ return {p.call(n)}; }};",
            show_elem(p, i, get(p, i, f"fn_{v}()"))]


def ctx_keyed(p, r, n, v):
    """The value as the key of an ordered container member of a class of the
    program's (a std::map or std::set): looked up, stored, counted, and, in
    one style, iterated (which keeps the pair); or as an element of a
    std::vector member, read in a loop and by index."""
    if p.by_reference or p.awkward or p.std_api or p.kind in ("member", "virtual", "minmax") \
            or any(e is None or not e.integral for e in p.elements):
        return ctx_variable(p, r, n, v)
    cls = f"Keys_{p.name}_{v}"
    style = r.choice(["map", "set", "iterated", "vector", "vector"])
    if style == "vector":
        i = r.randrange(p.size)
        j = r.randrange(p.size)
        declaration = "\n".join([
            f"class {cls} {{",
            "public:",
            "  int add(int k);",
            "  void dump() const;",
            "private:",
            f"  std::vector<{p.tuple_type}> keys_;",
            "};"])
        definition = "\n".join([
            f"int {cls}::add(int k) {{ keys_.push_back({p.call('k')}); "
            "return static_cast<int>(keys_.size()); }",
            f"void {cls}::dump() const {{",
            "  for (const auto &key : keys_) {",
            "    " + show_elem(p, i, get(p, i, "key")),
            "  }",
            "  if (!keys_.empty()) {",
            "    " + show_elem(p, j, get(p, j, "keys_.back()")),
            "    " + show_elem(p, i, get(p, i, "keys_[0]")),
            "  }",
            "}"])
        p.takers.append((declaration, definition))
        return [f"{cls} keys_{v};", f"gen::show(keys_{v}.add({n}));",
                f"gen::show(keys_{v}.add({n} + 1));", f"keys_{v}.dump();"]
    container = (f"std::map<{p.tuple_type}, int>" if style == "map"
                 else f"std::set<{p.tuple_type}>")
    size = ("int size() const { return static_cast<int>(keys_.size()); }" if style != "iterated"
            else "int size() const { int n = 0; for (const auto &key : keys_) { (void)key; ++n; } "
                 "return n; }")
    declaration = "\n".join([
        f"class {cls} {{",
        "public:",
        "  int add(int k);",
        "  int seen(int k) const;",
        f"  {size}",
        "private:",
        f"  {container} keys_;",
        "};"])
    if style == "map":
        add = f"return ++keys_[{p.call('k')}];"
        seen = f"return keys_.count({p.call('k')}) != 0 ? 1 : 0;"
    else:
        add = f"return keys_.insert({p.call('k')}).second ? 1 : 0;"
        seen = f"return keys_.find({p.call('k')}) != keys_.end() ? 1 : 0;"
    definition = "\n".join([f"int {cls}::add(int k) {{ {add} }}",
                             f"int {cls}::seen(int k) const {{ {seen} }}"])
    p.takers.append((declaration, definition))
    return [f"{cls} keys_{v};", f"gen::show(keys_{v}.add({n}));",
            f"gen::show(keys_{v}.add({n}));", f"gen::show(keys_{v}.seen({n}));",
            f"gen::show(keys_{v}.seen({n} + 1));", f"gen::show(keys_{v}.size());"]


CONTEXTS = {
    "keyed": (ctx_keyed, 3),
    "lambda_returned": (ctx_lambda_returned, 3),
    "parameter": (ctx_parameter, 4),
    "compared": (ctx_compared, 5),
    "copy_then_modify": (ctx_copy_then_modify, 3),
    "using_function": (ctx_using_function, 2),
    "get_by_type": (ctx_get_by_type, 2),
    "function_object": (ctx_function_object, 3),
    "tie_expression": (ctx_tie_expression, 2),
    "implicit_capture": (ctx_implicit_capture, 3),
    "aliased": (ctx_aliased, 2),
    "unevaluated": (ctx_unevaluated, 2),
    "loop_increment": (ctx_loop_increment, 3),
    "global": (ctx_global, 2),
    "shadowed": (ctx_shadowed, 5),
    "macro_body": (ctx_macro_body, 3),
    "converted": (ctx_converted, 3),
    "generic": (ctx_generic, 4),
    "holder": (ctx_holder, 2),
    "pointer": (ctx_pointer, 3),
    "variable": (ctx_variable, 14),
    "braced": (ctx_braced, 3),
    "named_reads": (ctx_named_reads, 6),
    "binding": (ctx_binding, 5),
    "tie": (ctx_tie, 4),
    "for_init": (ctx_for_init, 4),
    "condition": (ctx_condition, 5),
    "lambda": (ctx_lambda, 4),
    "reassign": (ctx_reassign, 4),
    "element_write": (ctx_element_write, 3),
    "move": (ctx_move, 3),
    "container_grown": (ctx_container_grown, 3),
    "index_loop": (ctx_index_loop, 3),
    "iterator_advanced": (ctx_iterator_advanced, 3),
    "nested": (ctx_nested, 2),
    "macro": (ctx_macro, 3),
    "passed_on": (ctx_passed_on, 3),
    "ternary": (ctx_ternary, 2),
    "switch": (ctx_switch, 2),
}


@dataclass
class Case:
    producer: Producer
    contexts: List[tuple]  # (context name, lines)
    one_scope: bool = False  # the contexts share one scope


@dataclass
class Program:
    seed: int
    index: int
    cases: List[Case]
    std: str  # "c++17" or "c++20"
    name: str = ""

    def subset(self, keep):
        """The same program with only the cases (and contexts) in keep:
        [(case index, [context indices])]."""
        cases = [Case(self.cases[c].producer, [self.cases[c].contexts[k] for k in ks],
                      self.cases[c].one_scope) for c, ks in keep]
        return Program(self.seed, self.index, cases, self.std, self.name)

    def shape(self):
        return [(c, list(range(len(case.contexts)))) for c, case in enumerate(self.cases)]

    def labels(self):
        """What the program is made of: producer kinds and context names."""
        out = []
        for case in self.cases:
            out.append(case.producer.kind)
            out.extend(name for name, _ in case.contexts)
        return out


def generate(seed, index):
    r = random.Random(f"{seed}:{index}")
    cases = []
    for c in range(r.choice([1, 1, 2, 2, 3])):
        p = make_producer(r, c)
        contexts = []
        names = list(CONTEXTS)
        weights = [CONTEXTS[k][1] for k in names]
        for k in range(r.choice([1, 2, 2, 3])):
            ctx = r.choices(names, weights=weights)[0]
            v = f"v{c}{k}"
            lines = CONTEXTS[ctx][0](p, r, str(r.randint(0, 20)), v)
            contexts.append((ctx, lines))
        one_scope = len(contexts) > 1 and r.random() < 0.4 and not any(
            line.startswith(("const int ", "struct Holder")) for _, ls in contexts for line in ls)
        cases.append(Case(p, contexts, one_scope))
    return Program(seed, index, cases, r.choice(["c++17", "c++17", "c++20"]),
                   name=f"p{index}")


def indent(lines, by="  "):
    out = []
    for line in lines:
        out.append(line if line.startswith("#") or not line else by + line)
    return out


def run_function(program, qualifier=""):
    """The body of the program's run(): each case's contexts in a block of
    their own, or, for a case marked so, all in one scope (several fixes in
    one scope)."""
    lines = []
    for c, case in enumerate(program.cases):
        lines.append(f"  {{ // case {c}: {case.producer.kind}")
        lines.extend(indent(case.producer.setup, "    "))
        for name, ctx in case.contexts:
            if case.one_scope:
                lines.append(f"    // {name}")
                lines.extend(indent(ctx, "    "))
                continue
            lines.append(f"    {{ // {name}")
            lines.extend(indent(ctx, "      "))
            lines.append("    }")
        lines.append("  }")
    return lines


def render_file(program):
    """The program as the body of one namespace in a single file: its
    declarations, its definitions and its run()."""
    ns = program.name
    out = [f"namespace {ns} {{"]
    for case in program.cases:
        p = case.producer
        if p.header_decl:
            out.append(p.header_decl)
        if p.definition:
            out.append(p.definition)
        for declaration, definition in p.takers:
            out += [declaration, definition]
    out.append("void run() {")
    out.extend(run_function(program))
    out.append("}")
    out.append(f"}} // namespace {ns}")
    return "\n".join(out) + "\n"


def render_batch_file(programs):
    """Several programs in one file, each in its namespace; main runs each
    after a line naming it."""
    text = PRELUDE + "\n"
    for prog in programs:
        text += f"// ---- {prog.name}\n" + render_file(prog) + "\n"
    text += "int main() {\n"
    for prog in programs:
        text += f'  std::printf("== {prog.name}\\n");\n  {prog.name}::run();\n'
    text += "  return 0;\n}\n"
    return text


EXPORT_MACRO = """#ifndef GEN_API
#ifdef GEN_BUILDING
#define GEN_API __attribute__((visibility("default")))
#else
#define GEN_API
#endif
#endif
"""


def render_project(programs):
    """Several programs as a project: per program a header (its producers,
    some with an export macro that expands differently in the library's
    unit); one library unit with every program's definitions, compiled with
    -DGEN_BUILDING; one unit with every program's run(); main.cpp runs each.
    Each program's part of a unit starts with `// ---- NAME`. Returns
    {path: text} and the units with their extra flags and standard."""
    files = {}
    lib = ["// the library: compiled with -DGEN_BUILDING"]
    use = ["// the uses"]
    for prog in programs:
        ns = prog.name
        header = ["#pragma once", PRELUDE, EXPORT_MACRO, f"namespace {ns} {{"]
        lib += [f"// ---- {ns}", f'#include "{ns}.h"', f"namespace {ns} {{"]
        for case in prog.cases:
            p = case.producer
            decl = p.header_decl
            if decl and p.kind in ("function", "alias", "reference") and \
                    (sum(map(ord, p.name)) + prog.index) % 2 == 0:
                # the export macro in front of the declaration
                head, _, last = decl.rpartition("\n")
                decl = (head + "\n" if head else "") + "GEN_API " + last
            if decl:
                header.append(decl)
            header.extend(declaration for declaration, _ in p.takers)
            if p.definition:
                lib.append(p.definition)
            lib.extend(definition for _, definition in p.takers)
        header.append("void run();")
        header.append(f"}} // namespace {ns}")
        lib.append(f"}} // namespace {ns}")
        use += [f"// ---- {ns}", f'#include "{ns}.h"', f"namespace {ns} {{", "void run() {"]
        use.extend(run_function(prog))
        use.extend(["}", f"}} // namespace {ns}"])
        files[f"include/{ns}.h"] = "\n".join(header) + "\n"
    main = ["#include <cstdio>"] + [f'#include "{prog.name}.h"' for prog in programs]
    main.append("int main() {")
    for prog in programs:
        main.append(f'  std::printf("== {prog.name}\\n");\n  {prog.name}::run();')
    main.append("  return 0;\n}")
    files["src/lib.cpp"] = "\n".join(lib) + "\n"
    files["src/use.cpp"] = "\n".join(use) + "\n"
    files["src/main.cpp"] = "\n".join(main) + "\n"
    std = max((prog.std for prog in programs), default="c++17")
    units = [("src/lib.cpp", ["-DGEN_BUILDING"], std), ("src/use.cpp", [], std),
             ("src/main.cpp", [], std)]
    return files, units
