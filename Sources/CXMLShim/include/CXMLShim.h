// A small C API over libxml2's HTML parser: parse a page, walk its tree. Plain C types and
// opaque handles only, so that Swift never sees libxml2's headers (as with CICUShim).
#ifndef CXMLSHIM_H
#define CXMLSHIM_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cxml_doc cxml_doc;
typedef struct cxml_node cxml_node;

enum { CXML_ELEMENT = 1, CXML_TEXT = 3, CXML_CDATA = 4, CXML_OTHER = 0 };

/// Parses UTF-8 HTML (the caller has decoded the page: the page's own charset hint is
/// ignored), recovering from bad markup as browsers do, never touching the network.
/// NULL when libxml2 gives no document at all.
cxml_doc *cxml_html_parse(const char *utf8, int32_t length);
void cxml_doc_free(cxml_doc *doc);
/// The root element (`html`), or NULL.
const cxml_node *cxml_doc_root(const cxml_doc *doc);
const cxml_node *cxml_first_child(const cxml_node *node);
const cxml_node *cxml_next_sibling(const cxml_node *node);
/// CXML_ELEMENT, CXML_TEXT, CXML_CDATA or CXML_OTHER (comments, processing instructions).
int32_t cxml_kind(const cxml_node *node);
/// An element's name, lower case as the HTML parser gives it (UTF-8, owned by the document).
const char *cxml_name(const cxml_node *node);
/// A text node's text (UTF-8, owned by the document), else NULL.
const char *cxml_text(const cxml_node *node);
/// An attribute's value (UTF-8), or NULL; free it with cxml_free.
char *cxml_attr(const cxml_node *node, const char *name);
void cxml_free(void *p);
/// libxml2's version, e.g. "20914".
const char *cxml_version(void);

#ifdef __cplusplus
}
#endif
#endif
