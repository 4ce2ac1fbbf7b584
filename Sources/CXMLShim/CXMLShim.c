#include "CXMLShim.h"
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlversion.h>

// The opaque types are libxml2's own: no copy, the document owns every node.
cxml_doc *cxml_html_parse(const char *utf8, int32_t length) {
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                | HTML_PARSE_IGNORE_ENC;
    return (cxml_doc *)htmlReadMemory(utf8, length, NULL, "UTF-8", options);
}

void cxml_doc_free(cxml_doc *doc) { if (doc) xmlFreeDoc((xmlDocPtr)doc); }

const cxml_node *cxml_doc_root(const cxml_doc *doc) {
    return doc ? (const cxml_node *)xmlDocGetRootElement((xmlDocPtr)doc) : NULL;
}

const cxml_node *cxml_first_child(const cxml_node *n) { return n ? (const cxml_node *)((xmlNodePtr)n)->children : NULL; }
const cxml_node *cxml_next_sibling(const cxml_node *n) { return n ? (const cxml_node *)((xmlNodePtr)n)->next : NULL; }

int32_t cxml_kind(const cxml_node *n) {
    switch (((xmlNodePtr)n)->type) {
    case XML_ELEMENT_NODE: return CXML_ELEMENT;
    case XML_TEXT_NODE: return CXML_TEXT;
    case XML_CDATA_SECTION_NODE: return CXML_CDATA;
    default: return CXML_OTHER;
    }
}

const char *cxml_name(const cxml_node *n) { return (const char *)((xmlNodePtr)n)->name; }

const char *cxml_text(const cxml_node *n) {
    xmlNodePtr x = (xmlNodePtr)n;
    return (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) ? (const char *)x->content : NULL;
}

char *cxml_attr(const cxml_node *n, const char *name) {
    return (char *)xmlGetProp((xmlNodePtr)n, (const xmlChar *)name);
}

void cxml_free(void *p) { if (p) xmlFree(p); }

const char *cxml_version(void) { return LIBXML_VERSION_STRING; }
