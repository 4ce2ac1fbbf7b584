// The system libxml2 headers, seen only by the CXMLShim C target.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
